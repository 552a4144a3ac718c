import Foundation
import Kernel
import Logging
import Messaging
import Storage
import StorageTesting
import Synchronization

/// A gateway double that answers from a script, for service-level tests; the real HTTP
/// adapter is tested against a live local gateway in `HTTPSMSGatewayTests`.
final class ScriptedGateway: SMSGateway {
    private let script: Mutex<[Result<String, SMSGatewayError>]>
    private let sent = Mutex<[OutgoingSMS]>([])

    init(_ script: [Result<String, SMSGatewayError>]) {
        self.script = Mutex(script)
    }

    var messages: [OutgoingSMS] { sent.withLock { $0 } }

    func send(_ sms: OutgoingSMS) async throws -> String {
        sent.withLock { $0.append(sms) }
        let next = script.withLock { $0.isEmpty ? .success("gw-default") : $0.removeFirst() }
        return try next.get()
    }
}

/// A messaging service over a test database with a pinned clock.
struct MessagingFixture {
    let database: any Database
    let clock: FixedClock
    let gateway: ScriptedGateway
    let service: MessagingService
    let queue: JobQueue
    let worker: JobWorker

    static let noon = {
        var components = DateComponents(year: 2026, month: 3, day: 10, hour: 12)
        components.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return Calendar(identifier: .gregorian).date(from: components)!
    }()
    static let operatorActor = Actor(id: "operator", channel: "api", clientAddress: "127.0.0.1", roles: ["operator"])

    init(database: any Database, gateway: ScriptedGateway = ScriptedGateway([]), at instant: Date = noon) throws {
        self.database = database
        self.gateway = gateway
        clock = FixedClock(instant)
        queue = JobQueue(database: database, clock: clock, backoff: Backoff(base: .seconds(10), cap: .seconds(60)))
        service = MessagingService(
            database: database, queue: queue, audit: AuditLog(algorithm: .sm3, clock: clock),
            templates: MessageTemplates(MessageTemplates.builtIn),
            sealer: try FieldSealer(masterKey: Array(repeating: 7, count: 32)), sms: gateway, clock: clock)
        worker = JobWorker(queue: queue, handlers: [service.deliveryHandler], logger: Logger(label: "test"))
    }

    /// Runs due jobs until none is left.
    func drain() async throws {
        while try await worker.runBatch() > 0 {}
    }

    static func code(to phone: String = "13800000000", urgent: Bool = false) -> SendMessage {
        SendMessage(
            channel: .sms, recipient: phone, template: "platform.verification-code",
            parameters: ["code": "123456", "minutes": "5"], urgent: urgent)
    }
}
