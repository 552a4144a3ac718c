import Foundation
import Kernel
import Synchronization
import Testing

@testable import PaymentChannels

/// Precreate, pay, query and close against the simulator.
@Suite struct AlipayTradeTests {
    @Test func precreatePayNotifyQuery() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            let received = Mutex([ChannelPaymentNotice]())
            try await AlipayNotifyReceiver.run(answering: { notification in
                do {
                    let notice = try channel.notice(from: notification)
                    received.withLock { $0.append(notice) }
                    return channel.acknowledgement(accepted: true)
                } catch {
                    return channel.acknowledgement(accepted: false)
                }
            }) { notifyURL in
                // Setup: a trade opened; before the scan Alipay does not know it.
                let result = try await channel.prepay(
                    AlipayFixture.prepay("13010026000000000017", clock: clock, notifyURL: notifyURL))
                #expect(result.qrContent == simulator.trade("13010026000000000017")?.qrCode)
                #expect(result.qrContent.hasPrefix("https://qr.alipay.com/"))
                #expect(try await channel.query(outTradeNo: "13010026000000000017").state == .unknown)

                // Act: the payer scans and pays a minute later.
                clock.advance(by: 60)
                let trade = try simulator.pay("13010026000000000017")
                await simulator.settleNotifications()

                // Verify: one delivery, answered success, carrying a verified notice; the query agrees.
                #expect(simulator.deliveries.map(\.answer) == ["success"])
                let notices = received.withLock { $0 }
                #expect(notices.count == 1)
                #expect(notices.first?.outTradeNo == "13010026000000000017")
                #expect(notices.first?.channelTradeNo == trade.tradeNo)
                #expect(notices.first?.state == .paid)
                #expect(notices.first?.amount == Money(fen: 8888))
                #expect(notices.first?.paidAt == AlipayFixture.start.addingTimeInterval(60))
                let status = try await channel.query(outTradeNo: "13010026000000000017")
                #expect(status.state == .paid)
                #expect(status.channelTradeNo == trade.tradeNo)
                #expect(status.amount == Money(fen: 8888))
                #expect(status.paidAt == AlipayFixture.start.addingTimeInterval(60))
            }
        }
    }

    @Test func scannedButUnpaidIsNotPaid() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-SCAN", clock: clock))
            try simulator.scan("T-SCAN")
            let status = try await channel.query(outTradeNo: "T-SCAN")
            #expect(status.state == .notPaid)
            #expect(status.amount == nil)
        }
    }

    @Test func duplicatePrecreate() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            // Setup
            let first = try await channel.prepay(AlipayFixture.prepay("T-DUP", clock: clock))

            // Act / verify: the same trade again gives the same QR; other content or a paid trade is taken.
            #expect(try await channel.prepay(AlipayFixture.prepay("T-DUP", clock: clock)) == first)
            await #expect(throws: PaymentChannelError.alreadyExists) {
                try await channel.prepay(AlipayFixture.prepay("T-DUP", fen: 100, clock: clock))
            }
            try simulator.pay("T-DUP")
            await #expect(throws: PaymentChannelError.alreadyExists) {
                try await channel.prepay(AlipayFixture.prepay("T-DUP", clock: clock))
            }
        }
    }

    @Test func closeBeforeScanBarsThePayment() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-CLOSE", clock: clock))

            // Act: Alipay answers ACQ.TRADE_NOT_EXIST, which the channel takes as closed.
            try await channel.close(outTradeNo: "T-CLOSE")

            // Verify: the payer is refused, and prepaying the number again is refused too.
            #expect(throws: AlipaySimulatorRefusal("本笔交易已关闭，请收银员重新收款")) { try simulator.pay("T-CLOSE") }
            await #expect(throws: PaymentChannelError.alreadyExists) {
                try await channel.prepay(AlipayFixture.prepay("T-CLOSE", clock: clock))
            }
        }
    }

    @Test func closeAfterScanClosesTheTradeAndMayBeRepeated() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-CLOSE2", clock: clock))
            try simulator.scan("T-CLOSE2")

            try await channel.close(outTradeNo: "T-CLOSE2")
            try await channel.close(outTradeNo: "T-CLOSE2")

            #expect(simulator.trade("T-CLOSE2")?.status == .closed)
            #expect(try await channel.query(outTradeNo: "T-CLOSE2").state == .closed)
            #expect(throws: AlipaySimulatorRefusal.self) { try simulator.pay("T-CLOSE2") }
        }
    }

    @Test func closingAPaidTradeIsRefused() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-PAID", clock: clock))
            try simulator.pay("T-PAID")
            await #expect(throws: PaymentChannelError.refused(code: "ACQ.TRADE_STATUS_ERROR", message: "交易状态不合法")) {
                try await channel.close(outTradeNo: "T-PAID")
            }
        }
    }

    @Test func theQRExpiresAtTimeExpire() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-LATE", clock: clock))
            #expect(simulator.trade("T-LATE")?.expiresAt == clock.now().addingTimeInterval(2 * 3600))
            clock.advance(by: 2 * 3600 + 1)
            #expect(throws: AlipaySimulatorRefusal("二维码已过期")) { try simulator.pay("T-LATE") }
        }
    }

    @Test func aConfiguredNotifyURLOverridesTheRequests() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let fixed = URL(string: "https://zt.example.gov.cn/payments/alipay/notify")!
            let configuration = try AlipayConfiguration(
                appID: AlipaySimulator.appID, privateKey: AlipayTestKeys.appPrivateKey,
                alipayPublicKey: AlipayTestKeys.alipayPublicKey, gateway: simulator.gatewayURL, notifyURL: fixed)
            let channel = AlipayChannel(configuration: configuration, httpClient: .shared, clock: clock)

            _ = try await channel.prepay(AlipayFixture.prepay("T-URL", clock: clock))

            #expect(simulator.trade("T-URL")?.notifyURL == fixed.absoluteString)
        }
    }

    @Test func prepayRefusesWhatAlipayWould() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            await #expect(throws: PaymentChannelError.malformed("支付宝单笔金额应在 0.01 元到 1 亿元之间，收到 0.00 元。")) {
                try await channel.prepay(AlipayFixture.prepay("T-ZERO", fen: 0, clock: clock))
            }
            var late = AlipayFixture.prepay("T-LATE", clock: clock)
            late.expiresAt = clock.now()
            await #expect(throws: PaymentChannelError.malformed("缴款截止时间已过，不能再下单。")) {
                try await channel.prepay(late)
            }
            var query = AlipayFixture.prepay("T-QUERY", clock: clock)
            query.notifyURL = URL(string: "https://zt.example.gov.cn/notify?order=1")!
            await #expect(
                throws: PaymentChannelError.malformed(
                    "异步通知地址“https://zt.example.gov.cn/notify?order=1”无效：应为不带查询参数、不超过 256 个字符的 http(s) 地址。")
            ) { try await channel.prepay(query) }
            #expect(
                simulator.trade("T-ZERO") == nil && simulator.trade("T-LATE") == nil
                    && simulator.trade("T-QUERY") == nil)
        }
    }
}
