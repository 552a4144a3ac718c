import Foundation
import Kernel
import Testing

@testable import PaymentChannels

/// Alipay's trade bill: downloaded from the simulator and read into statement lines.
@Suite struct AlipayBillTests {
    @Test func billRoundTripWithRefunds() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            // Setup: two payments and a partial refund on 4 March, one payment on 5 March.
            let channel = try AlipayFixture.channel(simulator)
            for (outTradeNo, fen) in [("T-A", Int64(8888)), ("T-B", Int64(2000))] {
                _ = try await channel.prepay(AlipayFixture.prepay(outTradeNo, fen: fen, clock: clock))
                clock.advance(by: 60)
                try simulator.pay(outTradeNo)
            }
            clock.advance(by: 3600)
            _ = try await channel.refund(
                ChannelRefundRequest(
                    outTradeNo: "T-A", refundNo: "RF-1", amount: Money(fen: 1000), total: Money(fen: 8888),
                    reason: "多收费用退还"))
            let refundedAt = clock.now()
            clock.advance(by: 24 * 3600)
            _ = try await channel.prepay(AlipayFixture.prepay("T-C", fen: 500, clock: clock))
            try simulator.pay("T-C")
            let day = try CalendarDay(parsing: "2026-03-04")

            // Act
            let file = try await channel.statement(of: day)
            let lines = try channel.statementLines(file)

            // Verify: the day's three lines in time order, refunds positive with our refund number.
            let tradeA = try #require(simulator.trade("T-A"))
            let tradeB = try #require(simulator.trade("T-B"))
            #expect(String(decoding: file, as: UTF8.self).hasPrefix("#支付宝业务明细查询"))
            #expect(
                lines == [
                    StatementLine(
                        outTradeNo: "T-A", channelTradeNo: tradeA.tradeNo, kind: .payment, amount: Money(fen: 8888),
                        at: AlipayFixture.start.addingTimeInterval(60)),
                    StatementLine(
                        outTradeNo: "T-B", channelTradeNo: tradeB.tradeNo, kind: .payment, amount: Money(fen: 2000),
                        at: AlipayFixture.start.addingTimeInterval(120)),
                    StatementLine(
                        outTradeNo: "T-A", channelTradeNo: tradeA.tradeNo, kind: .refund, amount: Money(fen: 1000),
                        refundNo: "RF-1", at: refundedAt),
                ])
        }
    }

    @Test func todaysBillDoesNotExistYet() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            await #expect(throws: PaymentChannelError.refused(code: "isp.bill_not_exist", message: "账单不存在")) {
                try await channel.statement(of: CalendarDay(AlipayFixture.start))
            }
        }
    }

    /// A bill as Alipay encodes it, in GBK, produced by Python (`"…".encode("gbk")`, then Base64):
    /// one payment of 88.88 and a refund of 8.88 under request number RF0001, CRLF line ends.
    static let gbkBill = """
        I9anuLaxptK1zvHD98+4sunRrw0KI9XLusWjulsyMDg4MDAwMDAwMDAwMDAxMDE1Nl0NCiPG8Mq8yNXG2qO6WzIwMjbE6jAz1MIw
        NMjVIDAwOjAwOjAwXSAgINbV1rnI1cbao7pbMjAyNsTqMDPUwjA1yNUgMDA6MDA6MDBdDQrWp7i2saa9u9LXusUsycy7p7aptaW6
        xSzStc7xwODQzSzJzMa3w/uzxiy0tL2oyrG85CzN6rPJyrG85CzDxbXqseC6xSzDxbXqw/uzxiyy2df31LEs1tW2y7rFLLbUt73V
        y7unLLaptaW98Lbuo6jUqqOpLMnMvNLKtcrVo6jUqqOpLNanuLaxprrssPyjqNSqo6ksvK+31rGmo6jUqqOpLNanuLaxptPFu92j
        qNSqo6ksycy80tPFu92jqNSqo6ksyK+6y8/6vfC27qOo1KqjqSzIr8P7s8Ysycy80rrssPzP+7fRvfC27qOo1KqjqSy/qM/7t9G9
        8Lbuo6jUqqOpLM3Lv+7F+rTOusUvx+vH87rFLLf+zvG30aOo1KqjqSy31sjzo6jUqqOpLLG416INCjIwMjYwMzA0MjIwMDE0MDAw
        MDEyMzQ1Njc4OTAJLDEzMDEwMDI2MDAwMDAwMDAwMDE3CSy9u9LXCSyyu7avsvq1x7zHt9EJLDIwMjYtMDMtMDQgMTA6MDE6MDAJ
        LDIwMjYtMDMtMDQgMTA6MDQ6NTkJLAksCSwJLAksMTM4KioqKioqMDAJLDg4Ljg4CSw4OC44OAksMC4wMAksMC4wMAksMC4wMAks
        MC4wMAksMC4wMAksCSwwLjAwCSwwLjAwCSwJLDAuMDAJLDAuMDAJLA0KMjAyNjAzMDQyMjAwMTQwMDAwMTIzNDU2Nzg5MAksMTMw
        MTAwMjYwMDAwMDAwMDAwMTcJLM3Lv+4JLLK7tq+y+rXHvMe30QksMjAyNi0wMy0wNCAxMDowMTowMAksMjAyNi0wMy0wNCAxNToz
        MDowMAksCSwJLAksCSwxMzgqKioqKiowMAksLTguODgJLC04Ljg4CSwwLjAwCSwwLjAwCSwwLjAwCSwwLjAwCSwwLjAwCSwJLDAu
        MDAJLDAuMDAJLFJGMDAwMQksMC4wMAksMC4wMAksDQojLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS3S
        tc7xw/fPuMHQse294cr4LS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tDQojvbvS17rPvMajujGxyqOsycy80sq1
        ytWjujg4Ljg41KqjrMnMvNLTxbvdo7owLjAw1KoNCiO1vLP2yrG85KO6WzIwMjbE6jAz1MIwNcjVIDA5OjAwOjAwXQ0K
        """

    @Test func aGBKBillIsRead() throws {
        // Setup
        let file = try #require(Data(base64Encoded: Self.gbkBill, options: .ignoreUnknownCharacters))
        #expect(String(data: file, encoding: .utf8) == nil)

        // Act
        let lines = try AlipayBill(file).lines()

        // Verify
        #expect(
            lines == [
                StatementLine(
                    outTradeNo: "13010026000000000017", channelTradeNo: "2026030422001400001234567890", kind: .payment,
                    amount: Money(fen: 8888), at: AlipayFixture.start.addingTimeInterval(4 * 60 + 59)),
                StatementLine(
                    outTradeNo: "13010026000000000017", channelTradeNo: "2026030422001400001234567890", kind: .refund,
                    amount: Money(fen: 888), refundNo: "RF0001", at: AlipayFixture.start.addingTimeInterval(5.5 * 3600)),
            ])
    }
}
