import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Synchronization
import Testing

/// An identity service over a test database, a pinned clock and a cheap bcrypt cost.
struct IdentityFixture {
    let database: any Database
    let clock: FixedClock
    let service: IdentityService
    /// The population registry the service checks, empty until a test loads it.
    let registry: DatabasePopulationRegistry
    /// Records the login codes the service sends.
    let codes = RecordingCodeSender()

    /// 21 September 2026 (UTC): birth dates after it are in the future.
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let web = LoginContext(
        channel: "web", clientAddress: "192.0.2.10", userAgent: "Mozilla/5.0 (X11; Linux) Chrome/120")

    init(database: any Database, sessions: SessionPolicy = SessionPolicy()) throws {
        self.database = database
        clock = FixedClock(Self.start)
        let sealer = try FieldSealer(masterKey: Array(repeating: 9, count: 32))
        registry = DatabasePopulationRegistry(database: database, sealer: sealer)
        service = IdentityService(
            database: database, audit: AuditLog(algorithm: .sm3, clock: clock), sealer: sealer, clock: clock,
            hasher: PasswordHasher(cost: 4), sessions: sessions, divisions: try DivisionTable.standard(),
            registry: registry, codeSender: codes)
    }

    static let zhang = RegisterPerson(
        name: "张三", idNumber: "130102199003071233", phone: "13800000000", password: "政通演示2026")
    /// A second person; the 身份证号 ends in the check character X.
    static let li = RegisterPerson(
        name: "李四", idNumber: "13010219900307125X", phone: "13912345678", password: "桥西区办事2026")

    /// A login context from another client address, so account and address throttles can be told apart.
    static func from(_ address: String) -> LoginContext {
        LoginContext(channel: "web", clientAddress: address, userAgent: "Mozilla/5.0 (iPhone) Safari/605")
    }

    /// Runs `body` with a fresh fixture on `kind`, migrated with the identity tables.
    static func with(
        _ kind: TestDatabase, sessions: SessionPolicy = SessionPolicy(),
        _ body: @Sendable (IdentityFixture) async throws -> Void
    ) async throws {
        try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
            try await body(try IdentityFixture(database: database, sessions: sessions))
        }
    }

    /// Registers `person` from the default web context.
    @discardableResult
    func register(_ person: RegisterPerson) async throws -> PersonProfile {
        try await service.register(person, context: Self.web)
    }

    /// Logs in with the default web context unless told otherwise.
    func login(_ identifier: String, _ password: String, from context: LoginContext = web) async throws
        -> IssuedSession
    {
        try await service.login(identifier: identifier, password: password, context: context)
    }

    /// The actor of a signed-in person.
    static func actor(_ personID: UUID) -> Storage.Actor {
        Storage.Actor(id: personID.uuidString, channel: "web", clientAddress: web.clientAddress, roles: ["person"])
    }

    /// The audit actions recorded so far, oldest first.
    func auditActions() async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT action FROM zt_audit_log ORDER BY seq").all()
        }.map { try $0.decode(column: "action", as: String.self) }
    }
}

/// The domain error `body` throws, recorded as a test failure if it throws nothing or something else.
func domainError(
    _ body: () async throws -> some Any, sourceLocation: SourceLocation = #_sourceLocation
) async -> DomainError? {
    await #expect(throws: DomainError.self, sourceLocation: sourceLocation) { _ = try await body() }
}

extension String {
    /// Whether the text holds a CJK ideograph: people are told what went wrong in Chinese.
    var containsChinese: Bool { unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
}

/// Keeps the login codes it is asked to send, as the SMS gateway's recipient would see them.
final class RecordingCodeSender: LoginCodeSender {
    private let sent = Mutex<[(phone: String, code: String)]>([])

    var all: [(phone: String, code: String)] { sent.withLock { $0 } }

    func sendLoginCode(phone: String, code: String, minutes: Int) async throws {
        sent.withLock { $0.append((phone, code)) }
    }
}
