import Kernel
import PaymentChannels
import Testing

/// Full, partial and repeated refunds against the simulator.
@Suite("WeChat Pay refunds")
struct WeChatPayRefundTests {
    func paid(_ fixture: WeChatPayFixture, _ number: String) async throws {
        _ = try await fixture.channel.prepay(fixture.request(number))
        try fixture.simulator.pay(outTradeNo: number)
    }

    func refund(_ number: String, _ refundNo: String, _ fen: Int64) -> ChannelRefundRequest {
        ChannelRefundRequest(
            outTradeNo: number, refundNo: refundNo, amount: Money(fen: fen), total: Money(fen: 8000), reason: "多缴退费")
    }

    @Test("a full refund succeeds, repeats as the same refund, and the trade reads as refunded")
    func fullRefund() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000041"
            try await paid(fixture, number)

            // Act
            let first = try await fixture.channel.refund(refund(number, "R13010520260214000041", 8000))
            let again = try await fixture.channel.refund(refund(number, "R13010520260214000041", 8000))
            let status = try await fixture.channel.query(outTradeNo: number)

            // Verify
            #expect(first.state == .succeeded)
            #expect(first.refundNo == "R13010520260214000041")
            #expect(first.channelRefundNo?.hasPrefix("5030") == true)
            #expect(again == first)
            #expect(status.state == .refunded)
            #expect(fixture.simulator.trade(number)?.refunded == 8000)
        }
    }

    @Test("partial refunds add up to the total and no further")
    func partialRefunds() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000042"
            try await paid(fixture, number)

            // Act
            let part1 = try await fixture.channel.refund(refund(number, "R1301052026021400004201", 3000))
            let part2 = try await fixture.channel.refund(refund(number, "R1301052026021400004202", 5000))

            // Verify
            #expect(part1.state == .succeeded)
            #expect(part2.state == .succeeded)
            #expect(part1.channelRefundNo != part2.channelRefundNo)
            await #expect(throws: PaymentChannelError.refused(code: "INVALID_REQUEST", message: "申请退款金额超过订单可退金额")) {
                try await fixture.channel.refund(refund(number, "R1301052026021400004203", 1))
            }
            #expect(fixture.simulator.trade(number)?.refunded == 8000)
        }
    }

    @Test("PROCESSING and ABNORMAL map to processing and failed")
    func refundStates() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000043"
            try await paid(fixture, number)

            // Act
            fixture.simulator.setRefundStatus("PROCESSING")
            let processing = try await fixture.channel.refund(refund(number, "R1301052026021400004301", 100))
            fixture.simulator.setRefundStatus("ABNORMAL")
            let abnormal = try await fixture.channel.refund(refund(number, "R1301052026021400004302", 100))

            // Verify
            #expect(processing.state == .processing)
            #expect(abnormal.state == .failed)
        }
    }

    @Test("an unpaid trade cannot be refunded, and a refund above the total is refused locally")
    func refusals() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000044"
            _ = try await fixture.channel.prepay(fixture.request(number))

            // Act and verify
            await #expect(throws: PaymentChannelError.refused(code: "INVALID_REQUEST", message: "订单未支付，不能退款")) {
                try await fixture.channel.refund(refund(number, "R13010520260214000044", 100))
            }
            await #expect(throws: PaymentChannelError.malformed("退款金额必须大于零且不超过订单金额")) {
                try await fixture.channel.refund(refund(number, "R13010520260214000045", 8001))
            }
            #expect(fixture.simulator.ledger.withLock { $0.refunds.isEmpty })
        }
    }
}
