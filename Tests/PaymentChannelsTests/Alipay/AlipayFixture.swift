import AsyncHTTPClient
import Foundation
import Kernel
import PaymentChannels

/// Shared set-up for the Alipay tests.
enum AlipayFixture {
    /// Wednesday 4 March 2026, 10:00 in Beijing.
    static let start = Date(timeIntervalSince1970: 1_772_589_600)

    /// A configuration for the simulator's application, with the test keys.
    static func configuration(
        gateway: URL, appID: String = AlipaySimulator.appID, privateKey: String = AlipayTestKeys.appPrivateKey,
        sellerID: String? = AlipaySimulator.sellerID, requestTimeout: TimeInterval = 10
    ) throws -> AlipayConfiguration {
        try AlipayConfiguration(
            appID: appID, privateKey: privateKey, alipayPublicKey: AlipayTestKeys.alipayPublicKey, sellerID: sellerID,
            gateway: gateway, requestTimeout: requestTimeout)
    }

    /// A channel talking to `simulator` on the simulator's clock.
    static func channel(
        _ simulator: AlipaySimulator, appID: String = AlipaySimulator.appID,
        privateKey: String = AlipayTestKeys.appPrivateKey
    ) throws -> AlipayChannel {
        AlipayChannel(
            configuration: try configuration(gateway: simulator.gatewayURL, appID: appID, privateKey: privateKey),
            httpClient: .shared, clock: simulator.clock)
    }

    /// A prepay of `amount` fen, payable for two hours, notifying `notifyURL`.
    static func prepay(
        _ outTradeNo: String, fen: Int64 = 8888, clock: FixedClock,
        notifyURL: URL = URL(string: "http://127.0.0.1:9/alipay/notify")!
    ) -> PrepayRequest {
        PrepayRequest(
            outTradeNo: outTradeNo, description: "不动产登记费", amount: Money(fen: fen),
            expiresAt: clock.now().addingTimeInterval(2 * 3600), notifyURL: notifyURL)
    }
}
