import Crypto
import Foundation
import Hummingbird
import Kernel
import NIOCore
import Synchronization
import _CryptoExtras

@testable import PaymentChannels

/// A local stand-in for Alipay's open-platform gateway, for tests of this target.
///
/// It listens on 127.0.0.1 at a free port, path `/gateway.do`; holds "Alipay's" key pair and the
/// application's public key; verifies every request's RSA2 signature and signs every answer;
/// keeps trades in memory with Alipay's states; lets a test play the payer (`scan`, `pay`); posts
/// signed notifications to `notify_url`, retrying until the receiver answers exactly `success`;
/// and serves trade bills at the download address it hands out.
final class AlipaySimulator: Sendable {
    /// The application id the simulator serves.
    static let appID = "2021000000000001"
    /// The merchant's Alipay user id.
    static let sellerID = "2088000000000001"

    /// One attempt to deliver a notification.
    struct Delivery: Sendable, Equatable {
        /// The trade it was about.
        var outTradeNo: String
        /// The `trade_status` it reported.
        var tradeStatus: String
        /// The `notify_id`, the same on every retry of one notification.
        var notifyID: String
        /// What the receiver answered, or why there was no answer.
        var answer: String
    }

    /// The simulator's clock, shared with the channel under test.
    let clock: FixedClock
    /// The pauses between delivery attempts; their count bounds the retries.
    let retryIntervals: [Duration]
    let alipayKey: _RSA.Signing.PrivateKey
    let appKey: _RSA.Signing.PublicKey
    let ledger = Mutex(AlipaySimulatorLedger())
    let bills = Mutex([String: String]())
    let deliveryLog = Mutex([Delivery]())
    let pendingDeliveries = Mutex([UUID: Task<Void, Never>]())
    /// Rewrites each answer's body after signing, so tests can tamper with what the channel receives.
    let responseRewriter = Mutex<(@Sendable (String) -> String)?>(nil)
    private let listeningPort = Mutex(0)

    private init(clock: FixedClock, retryIntervals: [Duration], appPublicKey: String) throws {
        self.clock = clock
        self.retryIntervals = retryIntervals
        alipayKey = try _RSA.Signing.PrivateKey(pemRepresentation: AlipayTestKeys.alipayPrivateKey)
        appKey = try _RSA.Signing.PublicKey(pemRepresentation: appPublicKey)
    }

    /// Starts a simulator, runs `body` with it, then stops it and any notification still being retried.
    static func run<T: Sendable>(
        clock: FixedClock, retryIntervals: [Duration] = [.milliseconds(20), .milliseconds(40), .milliseconds(80)],
        appPublicKey: String = AlipayTestKeys.appPublicKey, _ body: (AlipaySimulator) async throws -> T
    ) async throws -> T {
        let simulator = try AlipaySimulator(clock: clock, retryIntervals: retryIntervals, appPublicKey: appPublicKey)
        let router = Router()
        router.post("gateway.do") { request, _ in try await simulator.answer(request) }
        router.get("bills/:token") { _, context in
            guard let csv = simulator.bills.withLock({ $0[context.parameters.get("token") ?? ""] }) else {
                return Response(status: .notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        return try await AlipayTestServer.run(router) { port in
            simulator.listeningPort.withLock { $0 = port }
            defer { simulator.pendingDeliveries.withLock { $0.values.forEach { $0.cancel() } } }
            return try await body(simulator)
        }
    }

    /// The gateway address to configure the channel with.
    var gatewayURL: URL { URL(string: "http://127.0.0.1:\(listeningPort.withLock { $0 })/gateway.do")! }

    /// The base of bill download addresses.
    var billBaseURL: String { "http://127.0.0.1:\(listeningPort.withLock { $0 })/bills/" }

    /// The payer scans the QR of `outTradeNo`; Alipay now knows the trade, waiting for payment.
    func scan(_ outTradeNo: String) throws(AlipaySimulatorRefusal) {
        let now = clock.now()
        try ledger.withLock { ledger throws(AlipaySimulatorRefusal) in try ledger.scan(outTradeNo, now: now) }
    }

    /// The payer scans and pays `outTradeNo`; the notification goes out at once and is retried.
    @discardableResult
    func pay(_ outTradeNo: String) throws(AlipaySimulatorRefusal) -> AlipaySimulatedTrade {
        let now = clock.now()
        let trade = try ledger.withLock { ledger throws(AlipaySimulatorRefusal) in
            try ledger.pay(outTradeNo, now: now)
        }
        deliver(trade)
        return trade
    }

    /// The trade as the simulator holds it.
    func trade(_ outTradeNo: String) -> AlipaySimulatedTrade? {
        ledger.withLock { $0.trades[outTradeNo] }
    }

    /// Every delivery attempt so far, in order.
    var deliveries: [Delivery] { deliveryLog.withLock { $0 } }

    /// Waits until every notification started so far was answered `success` or ran out of retries.
    func settleNotifications() async {
        while let task = pendingDeliveries.withLock({ $0.values.first }) {
            await task.value
        }
    }
}
