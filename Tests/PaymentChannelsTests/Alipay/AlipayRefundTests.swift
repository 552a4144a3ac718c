import Foundation
import Kernel
import Synchronization
import Testing

@testable import PaymentChannels

/// Refunds against the simulator.
@Suite struct AlipayRefundTests {
    static func request(_ refundNo: String, fen: Int64, outTradeNo: String = "T-R") -> ChannelRefundRequest {
        ChannelRefundRequest(
            outTradeNo: outTradeNo, refundNo: refundNo, amount: Money(fen: fen), total: Money(fen: 8888),
            reason: "多收费用退还")
    }

    /// Runs `body` with a paid trade `T-R` of 88.88 yuan.
    static func withPaidTrade(_ body: (AlipaySimulator, AlipayChannel, FixedClock) async throws -> Void) async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-R", clock: clock))
            try simulator.pay("T-R")
            try await body(simulator, channel, clock)
        }
    }

    @Test func partialRefundsThenTheRest() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            // Act: 10.00 back, then the remaining 78.88.
            let first = try await channel.refund(Self.request("RF-1", fen: 1000))
            #expect(try await channel.query(outTradeNo: "T-R").state == .paid)
            let second = try await channel.refund(Self.request("RF-2", fen: 7888))

            // Verify
            #expect(first == ChannelRefundResult(refundNo: "RF-1", channelRefundNo: nil, state: .succeeded))
            #expect(second.state == .succeeded)
            #expect(simulator.trade("T-R")?.refunds.map(\.requestNo) == ["RF-1", "RF-2"])
            #expect(simulator.trade("T-R")?.refunded == Money(fen: 8888))
            // Refunded in full, Alipay closes the trade; the query tells it from an unpaid close.
            let status = try await channel.query(outTradeNo: "T-R")
            #expect(status.state == .refunded)
            #expect(status.amount == Money(fen: 8888))
        }
    }

    @Test func aRepeatedRefundNumberIsOneRefund() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            let first = try await channel.refund(Self.request("RF-1", fen: 1000))
            // Alipay answers fund_change N to the repeat; the refund query confirms it happened.
            let again = try await channel.refund(Self.request("RF-1", fen: 1000))

            #expect(first.state == .succeeded)
            #expect(again.state == .succeeded)
            #expect(simulator.trade("T-R")?.refunds.count == 1)
            #expect(simulator.trade("T-R")?.refunded == Money(fen: 1000))
        }
    }

    @Test func aRefundNumberReusedForAnotherAmountIsRefused() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            _ = try await channel.refund(Self.request("RF-1", fen: 1000))
            await #expect(
                throws: PaymentChannelError.refused(
                    code: "REFUND_AMOUNT_MISMATCH", message: "退款请求号 RF-1 已用于 10.00 元的退款，与本次的 20.00 元不符。")
            ) {
                try await channel.refund(Self.request("RF-1", fen: 2000))
            }
            #expect(simulator.trade("T-R")?.refunded == Money(fen: 1000))
        }
    }

    @Test func aRefundStillUnderWayIsProcessing() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            simulator.ledger.withLock { $0.holdRefunds = true }
            let held = try await channel.refund(Self.request("RF-1", fen: 1000))

            simulator.ledger.withLock { $0.settleRefunds() }
            let settled = try await channel.refund(Self.request("RF-1", fen: 1000))

            #expect(held.state == .processing)
            #expect(settled.state == .succeeded)
            #expect(simulator.trade("T-R")?.refunds.count == 1)
        }
    }

    @Test func refundingMoreThanWasPaidIsRefused() async throws {
        try await Self.withPaidTrade { simulator, channel, _ in
            _ = try await channel.refund(Self.request("RF-1", fen: 8000))
            await #expect(
                throws: PaymentChannelError.refused(code: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", message: "退款金额超限")
            ) {
                try await channel.refund(Self.request("RF-2", fen: 1000))
            }
            await #expect(throws: PaymentChannelError.refused(code: "ACQ.TRADE_NOT_EXIST", message: "交易不存在")) {
                try await channel.refund(Self.request("RF-3", fen: 100, outTradeNo: "T-NONE"))
            }
            #expect(simulator.trade("T-R")?.refunded == Money(fen: 8000))
        }
    }

    @Test func aFullRefundIsNotifiedAsRefunded() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            let notices = Mutex([ChannelPaymentNotice]())
            try await AlipayNotifyReceiver.run(answering: { notification in
                guard let notice = try? channel.notice(from: notification) else {
                    return channel.acknowledgement(accepted: false)
                }
                notices.withLock { $0.append(notice) }
                return channel.acknowledgement(accepted: true)
            }) { notifyURL in
                _ = try await channel.prepay(AlipayFixture.prepay("T-R", clock: clock, notifyURL: notifyURL))
                try simulator.pay("T-R")
                _ = try await channel.refund(Self.request("RF-ALL", fen: 8888))
                await simulator.settleNotifications()
            }
            #expect(Set(notices.withLock { $0.map(\.state) }) == [.paid, .refunded])
        }
    }
}
