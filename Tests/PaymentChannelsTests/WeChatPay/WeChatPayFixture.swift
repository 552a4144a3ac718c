import AsyncHTTPClient
import Foundation
import Kernel
import PaymentChannels

/// A running simulator, the adapter pointed at it, and the merchant's notification endpoint.
struct WeChatPayFixture: Sendable {
    /// 2026-02-14 10:00:00 Beijing time, the moment every test starts at.
    static let start = Date(timeIntervalSince1970: 1_771_034_400)

    let simulator: WeChatPaySimulator
    let channel: WeChatPayChannel
    let receiver: WeChatPayNotifyReceiver
    let clock: FixedClock
    let notifyURL: URL

    /// Runs `body` with a fresh simulator and receiver; `configure` may change the adapter's settings.
    static func run(
        options: WeChatPaySimulator.Options = .init(),
        configure: @Sendable (WeChatPaySimulator) throws -> WeChatPayConfiguration = { try $0.configuration() },
        _ body: @Sendable (WeChatPayFixture) async throws -> Void
    ) async throws {
        let clock = FixedClock(start)
        try await WeChatPaySimulator.run(clock: clock, options: options) { simulator in
            let channel = WeChatPayChannel(
                configuration: try configure(simulator), httpClient: .shared, clock: clock, timeoutSeconds: 5)
            let receiver = WeChatPayNotifyReceiver(channel: channel)
            try await WeChatPayTestServer.run(receiver.router()) { port in
                let notifyURL = URL(string: "http://127.0.0.1:\(port)\(WeChatPayNotifyReceiver.path)")!
                try await body(
                    WeChatPayFixture(
                        simulator: simulator, channel: channel, receiver: receiver, clock: clock, notifyURL: notifyURL))
            }
        }
    }

    /// A prepay request for `outTradeNo` that expires in 30 minutes.
    func request(_ outTradeNo: String, fen: Int64 = 8000, description: String = "不动产登记费") -> PrepayRequest {
        PrepayRequest(
            outTradeNo: outTradeNo, description: description, amount: Money(fen: fen),
            expiresAt: clock.now().addingTimeInterval(1800), notifyURL: notifyURL)
    }
}
