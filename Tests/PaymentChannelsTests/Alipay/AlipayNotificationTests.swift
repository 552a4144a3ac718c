import Foundation
import Kernel
import Synchronization
import Testing
import _CryptoExtras

@testable import PaymentChannels

/// Verification of notifications and the simulator's retries.
@Suite struct AlipayNotificationTests {
    /// Runs `body` with a simulator holding one paid trade `T-N`, and a channel on the same clock.
    static func withPaidTrade(
        sellerID: String? = AlipaySimulator.sellerID,
        _ body: (AlipaySimulator, AlipayChannel, FixedClock) async throws -> Void
    ) async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = AlipayChannel(
                configuration: try AlipayFixture.configuration(gateway: simulator.gatewayURL, sellerID: sellerID),
                httpClient: .shared, clock: clock)
            _ = try await channel.prepay(AlipayFixture.prepay("T-N", clock: clock))
            try simulator.pay("T-N")
            try await body(simulator, channel, clock)
        }
    }

    /// The body of `notification` with the value of `name` replaced after signing.
    static func tampered(_ notification: ChannelNotification, _ name: String, _ value: String) throws
        -> ChannelNotification
    {
        let pairs = try FormURLEncoding.decode(Array(notification.body)).map {
            ($0.name, $0.name == name ? value : $0.value)
        }
        return ChannelNotification(headers: notification.headers, body: Data(FormURLEncoding.encode(pairs).utf8))
    }

    @Test func aGenuineNotificationIsRead() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            let notice = try channel.notice(from: try simulator.notification(for: "T-N"))
            #expect(notice.state == .paid)
            #expect(notice.amount == Money(fen: 8888))
            #expect(notice.channelTradeNo == simulator.trade("T-N")?.tradeNo)
        }
    }

    @Test func tamperingIsBadSignature() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            let genuine = try simulator.notification(for: "T-N")
            for (name, value) in [("total_amount", "0.01"), ("out_trade_no", "T-OTHER"), ("fund_bill_list", "[]")] {
                #expect(throws: PaymentChannelError.badSignature) {
                    try channel.notice(from: try Self.tampered(genuine, name, value))
                }
            }
            // A field added after signing is covered too, since every field but sign and sign_type is signed.
            var added = genuine
            added.body.append(contentsOf: Array("&passback_params=x".utf8))
            #expect(throws: PaymentChannelError.badSignature) { try channel.notice(from: added) }
            // RSA (SHA-1) is not accepted in place of RSA2.
            #expect(throws: PaymentChannelError.badSignature) {
                try channel.notice(from: try Self.tampered(genuine, "sign_type", "RSA"))
            }
        }
    }

    @Test func aNotificationSignedWithAnotherKeyIsRefused() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            let forger = try _RSA.Signing.PrivateKey(pemRepresentation: AlipayTestKeys.otherPrivateKey)
            #expect(throws: PaymentChannelError.badSignature) {
                try channel.notice(from: try simulator.notification(for: "T-N", key: forger))
            }
        }
    }

    @Test func anotherAppOrSellerIsRefused() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            #expect(throws: PaymentChannelError.malformed("支付宝通知属于应用 2021000000000999，不是本应用 2021000000000001。")) {
                try channel.notice(
                    from: try simulator.notification(for: "T-N", changing: ["app_id": "2021000000000999"]))
            }
            #expect(
                throws: PaymentChannelError.malformed("支付宝通知的收款账号 2088000000000999 不是本商户 2088000000000001。")
            ) {
                try channel.notice(
                    from: try simulator.notification(for: "T-N", changing: ["seller_id": "2088000000000999"]))
            }
        }
        // Without a configured seller_id, the seller is not checked.
        try await Self.withPaidTrade(sellerID: nil) { simulator, channel, _ in
            let notice = try channel.notice(
                from: try simulator.notification(for: "T-N", changing: ["seller_id": "2088000000000999"]))
            #expect(notice.state == .paid)
        }
    }

    @Test func staleAndFutureNotificationsAreRefused() async throws {
        try await Self.withPaidTrade { simulator, channel, clock in
            let notification = try simulator.notification(for: "T-N")

            // Just inside the 24-hour window it is still good.
            clock.advance(by: 24 * 3600)
            #expect(try channel.notice(from: notification).state == .paid)

            // One second later it is a replay.
            clock.advance(by: 1)
            #expect(
                throws: PaymentChannelError.malformed("支付宝通知发送于 2026-03-04 10:00:00，已超过 24 小时的有效期，按重放拒绝。")
            ) { try channel.notice(from: notification) }

            // Sent ten minutes ahead of our clock.
            let ahead = try simulator.notification(
                for: "T-N", changing: ["notify_time": ShanghaiTime.text(clock.now().addingTimeInterval(600))])
            #expect(throws: PaymentChannelError.malformed("支付宝通知的发送时间 2026-03-05 10:10:01 晚于当前时间。")) {
                try channel.notice(from: ahead)
            }
        }
    }

    @Test func hostileBodiesAreRefused() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            let genuine = try simulator.notification(for: "T-N")
            let oversized = ChannelNotification(
                headers: [:], body: genuine.body + Data(repeating: UInt8(ascii: "a"), count: 64 * 1024))
            #expect(throws: PaymentChannelError.malformed("支付宝通知超过 64 KiB 的上限。")) {
                try channel.notice(from: oversized)
            }
            var doubled = genuine
            doubled.body.append(contentsOf: Array("&trade_status=TRADE_SUCCESS".utf8))
            #expect(throws: PaymentChannelError.malformed("支付宝通知中 trade_status 出现了两次。")) {
                try channel.notice(from: doubled)
            }
            #expect(throws: PaymentChannelError.badSignature) {
                try channel.notice(
                    from: ChannelNotification(headers: [:], body: Data("trade_status=TRADE_SUCCESS".utf8)))
            }
        }
    }

    @Test func acknowledgementsAreAlipaysWords() throws {
        let channel = AlipayChannel(
            configuration: try AlipayFixture.configuration(gateway: AlipayConfiguration.productionGateway),
            httpClient: .shared, clock: FixedClock(AlipayFixture.start))
        #expect(channel.acknowledgement(accepted: true).body == "success")
        #expect(channel.acknowledgement(accepted: false).body == "fail")
        #expect(channel.acknowledgement(accepted: false).status == 200)
        #expect(channel.acknowledgement(accepted: true).contentType.hasPrefix("text/plain"))
    }

    @Test func theSimulatorRetriesUntilSuccess() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            let calls = Mutex(0)
            let accepted = Mutex([String?]())
            // The receiver fails twice (as if its database were down), then accepts.
            try await AlipayNotifyReceiver.run(answering: { notification in
                let call = calls.withLock { count in
                    count += 1
                    return count
                }
                guard call > 2, let notice = try? channel.notice(from: notification) else {
                    return channel.acknowledgement(accepted: false)
                }
                accepted.withLock { $0.append(notice.notificationID) }
                return channel.acknowledgement(accepted: true)
            }) { notifyURL in
                _ = try await channel.prepay(AlipayFixture.prepay("T-RETRY", clock: clock, notifyURL: notifyURL))
                try simulator.pay("T-RETRY")
                await simulator.settleNotifications()
            }
            // Three attempts, the third accepted, none after it though a retry interval was left.
            let deliveries = simulator.deliveries
            #expect(deliveries.map(\.answer) == ["fail", "fail", "success"])
            #expect(Set(deliveries.map(\.notifyID)).count == 1)
            #expect(accepted.withLock { $0 } == [deliveries.first?.notifyID])
        }
    }

    @Test func theSimulatorGivesUpAfterItsLastRetry() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock, retryIntervals: [.milliseconds(10), .milliseconds(10)]) {
            simulator in
            let channel = try AlipayFixture.channel(simulator)
            try await AlipayNotifyReceiver.run(answering: { _ in
                // "SUCCESS" is not "success": Alipay retries on anything else.
                ChannelAcknowledgement(status: 200, contentType: "text/plain", body: "SUCCESS")
            }) { notifyURL in
                _ = try await channel.prepay(AlipayFixture.prepay("T-GIVEUP", clock: clock, notifyURL: notifyURL))
                try simulator.pay("T-GIVEUP")
                await simulator.settleNotifications()
            }
            #expect(simulator.deliveries.map(\.answer) == ["SUCCESS", "SUCCESS", "SUCCESS"])
        }
    }
}
