import Foundation
import Kernel
import PaymentChannels
import Synchronization
import _CryptoExtras

/// A local stand-in for WeChat Pay's servers (APIv3, Native, 微信支付公钥 mode), for tests.
///
/// It checks the merchant's request signature on every call (401 SIGN_ERROR otherwise), signs
/// every answer with WeChat Pay's key, keeps trades in WeChat's states, lets a test play the payer
/// (`pay`), then posts an encrypted, signed notification to the trade's `notify_url` and retries
/// until the receiver answers 2xx. Start it with `run`; it lives for the closure's span.
final class WeChatPaySimulator: Sendable {
    /// How the simulator behaves.
    struct Options: Sendable {
        /// Pauses between notification attempts; there are at most `count + 1` attempts.
        var notifyRetryIntervals: [Duration] = Array(repeating: .milliseconds(20), count: 4)
    }

    /// Why the simulated payer could not pay.
    enum PayError: Error, Equatable {
        case noSuchTrade
        case notPayable(state: String)
        case expired
    }

    static let appID = "wxd678efh567hg6787"
    static let merchantID = "1230000109"
    static let merchantSerialNumber = "3775B6A45ACD588826D15E583A95F5DD2A7C1F10"
    static let platformKeyID = "PUB_KEY_ID_01142321349124100000000000000000"
    static let apiV3Key = WeChatPayVectors.apiV3Key

    let clock: any Clock
    let options: Options
    let platformKey: _RSA.Signing.PrivateKey
    let auth: WeChatPaySimulatorAuth
    let ledger = Mutex(WeChatPaySimulatorLedger())
    private let port = Mutex(0)

    private init(clock: any Clock, options: Options) throws {
        self.clock = clock
        self.options = options
        self.platformKey = try _RSA.Signing.PrivateKey(pemRepresentation: WeChatPayTestKeys.platformPKCS8)
        self.auth = WeChatPaySimulatorAuth(
            merchantID: Self.merchantID, serialNumber: Self.merchantSerialNumber,
            merchantKey: try _RSA.Signing.PublicKey(pemRepresentation: WeChatPayTestKeys.merchantPublic), clock: clock)
    }

    /// Starts a simulator on an ephemeral port of 127.0.0.1 for the span of `body`.
    static func run<Result: Sendable>(
        clock: any Clock, options: Options = Options(), _ body: @Sendable (WeChatPaySimulator) async throws -> Result
    ) async throws -> Result {
        let simulator = try WeChatPaySimulator(clock: clock, options: options)
        return try await WeChatPayTestServer.run(simulator.router()) { port in
            simulator.port.withLock { $0 = port }
            defer { simulator.ledger.withLock { $0.deliveryTasks.values.forEach { $0.cancel() } } }
            return try await body(simulator)
        }
    }

    /// Where the simulator listens, such as `http://127.0.0.1:50123`.
    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }

    /// A configuration of the adapter for this simulator's merchant; arguments replace one setting.
    func configuration(
        merchantKey: String = WeChatPayTestKeys.merchantPKCS8, platformKey: String = WeChatPayTestKeys.platformPublic,
        platformKeyID: String = WeChatPaySimulator.platformKeyID, apiV3Key: String = WeChatPaySimulator.apiV3Key,
        merchantSerialNumber: String = WeChatPaySimulator.merchantSerialNumber
    ) throws -> WeChatPayConfiguration {
        try WeChatPayConfiguration(
            baseURL: baseURL, appID: Self.appID, merchantID: Self.merchantID,
            merchantSerialNumber: merchantSerialNumber, merchantPrivateKeyPEM: merchantKey,
            platformPublicKeyPEM: platformKey, platformPublicKeyID: platformKeyID, apiV3Key: apiV3Key)
    }

    /// Plays the payer who scanned the code and paid: the trade becomes SUCCESS and the notification
    /// starts. Returns WeChat's transaction id.
    @discardableResult
    func pay(outTradeNo: String) throws(PayError) -> String {
        let now = clock.now()
        let id: String = try ledger.withLock { ledger throws(PayError) in
            guard var trade = ledger.trades[outTradeNo] else { throw .noSuchTrade }
            guard trade.state == "NOTPAY" else { throw .notPayable(state: trade.state) }
            guard now <= trade.expiresAt else { throw .expired }
            let id = ledger.nextNumber("4200")
            trade.state = "SUCCESS"
            trade.transactionID = id
            trade.paidAt = now
            ledger.trades[outTradeNo] = trade
            return id
        }
        let task = Task { await self.deliverNotification(outTradeNo: outTradeNo) }
        ledger.withLock { $0.deliveryTasks[outTradeNo] = task }
        return id
    }

    /// Waits until the notification run of a trade has finished and returns the HTTP status of
    /// each attempt (0 when the receiver could not be reached).
    func deliveries(of outTradeNo: String) async -> [Int] {
        guard let task = ledger.withLock({ $0.deliveryTasks[outTradeNo] }) else { return [] }
        return await task.value
    }

    /// The trade as the simulator holds it.
    func trade(_ outTradeNo: String) -> WeChatPaySimulatorLedger.Trade? {
        ledger.withLock { $0.trades[outTradeNo] }
    }

    /// Makes the next refunds end in `status` (SUCCESS, PROCESSING, ABNORMAL or CLOSED).
    func setRefundStatus(_ status: String) {
        ledger.withLock { $0.refundStatus = status }
    }

    /// Damages the next bill file after its hash was announced, as a broken download would.
    func corruptNextBill() {
        ledger.withLock { $0.corruptNextBill = true }
    }
}
