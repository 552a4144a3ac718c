import Foundation
import Kernel
import PaymentChannels
import Testing

/// The trade bill: downloaded with its hash checked, and read into statement lines.
@Suite("WeChat Pay statements")
struct WeChatPayStatementTests {
    /// A bill written by hand from WeChat Pay's published format (交易账单文件格式说明): one payment,
    /// its partial refund, CRLF line ends, every data field after a backtick.
    static let handmade = [
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
            + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注",
        "`2026-02-14 10:08:24,`wxd678efh567hg6787,`1230000109,`0,`,`4200000000202602140000000017,"
            + "`13010520260214000017,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`SUCCESS,`OTHERS,`CNY,`80.00,`0.00,`0,`0,"
            + "`0.00,`0.00,`,`,`不动产登记费,`,`0.48,`0.60%,`80.00,`0.00,`",
        "`2026-02-14 11:30:00,`wxd678efh567hg6787,`1230000109,`0,`,`4200000000202602140000000017,"
            + "`13010520260214000017,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,"
            + "`50300000000202602140000000001,`R13010520260214000017,`30.00,`0.00,`ORIGINAL,`SUCCESS,`不动产登记费,`,"
            + "`-0.18,`0.60%,`0.00,`30.00,`",
        "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额",
        "`2,`80.00,`30.00,`0.00,`0.30,`80.00,`30.00",
    ]

    static func channel() throws -> WeChatPayChannel { try WeChatPaySigningTests.channel(offset: 0) }

    /// The reason `statementLines` gives for `lines`, or nil when it reads them.
    func reason(_ lines: [String]) -> String? {
        reason(Data(lines.joined(separator: "\r\n").utf8))
    }

    func reason(_ file: Data) -> String? {
        do {
            _ = try Self.channel().statementLines(file)
            return nil
        } catch let error as PaymentChannelError {
            guard case .malformed(let why) = error else { return "unexpected \(error)" }
            return why
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("the handmade bill reads as one payment and one refund")
    func handmadeBill() throws {
        // Act
        let lines = try Self.channel().statementLines(Data(Self.handmade.joined(separator: "\r\n").utf8))

        // Verify
        #expect(
            lines == [
                StatementLine(
                    outTradeNo: "13010520260214000017", channelTradeNo: "4200000000202602140000000017", kind: .payment,
                    amount: Money(fen: 8000), at: Date(timeIntervalSince1970: 1_771_034_904)),
                StatementLine(
                    outTradeNo: "13010520260214000017", channelTradeNo: "4200000000202602140000000017", kind: .refund,
                    amount: Money(fen: 3000), refundNo: "R13010520260214000017",
                    at: Date(timeIntervalSince1970: 1_771_039_800)),
            ])
    }

    @Test("the simulator's bill round-trips through download and statementLines, refund included")
    func roundTrip() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup: one product name holds a comma, which must not shift the columns.
            let start = fixture.clock.now()
            _ = try await fixture.channel.prepay(fixture.request("13010520260214000051", description: "不动产登记费,工本费"))
            let first = try fixture.simulator.pay(outTradeNo: "13010520260214000051")
            fixture.clock.advance(by: 300)
            _ = try await fixture.channel.prepay(fixture.request("13010520260214000052", fen: 1250))
            let second = try fixture.simulator.pay(outTradeNo: "13010520260214000052")
            fixture.clock.advance(by: 300)
            let refund = try await fixture.channel.refund(
                ChannelRefundRequest(
                    outTradeNo: "13010520260214000051", refundNo: "R13010520260214000051", amount: Money(fen: 3000),
                    total: Money(fen: 8000), reason: "多缴退费"))

            // Act
            let file = try await fixture.channel.statement(of: CalendarDay(start))
            let lines = try fixture.channel.statementLines(file)

            // Verify
            #expect(String(decoding: file, as: UTF8.self).hasPrefix("交易时间,公众账号ID,商户号"))
            #expect(refund.state == .succeeded)
            #expect(
                lines == [
                    StatementLine(
                        outTradeNo: "13010520260214000051", channelTradeNo: first, kind: .payment,
                        amount: Money(fen: 8000),
                        at: start),
                    StatementLine(
                        outTradeNo: "13010520260214000052", channelTradeNo: second, kind: .payment,
                        amount: Money(fen: 1250), at: start.addingTimeInterval(300)),
                    StatementLine(
                        outTradeNo: "13010520260214000051", channelTradeNo: first, kind: .refund,
                        amount: Money(fen: 3000),
                        refundNo: "R13010520260214000051", at: start.addingTimeInterval(600)),
                ])
        }
    }

    @Test("a bill whose bytes do not match the announced SHA1 is refused")
    func corruptedDownload() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            _ = try await fixture.channel.prepay(fixture.request("13010520260214000053"))
            try fixture.simulator.pay(outTradeNo: "13010520260214000053")
            fixture.simulator.corruptNextBill()

            // Act and verify
            await #expect(throws: PaymentChannelError.malformed("账单文件的 SHA1 哈希与微信支付给出的不符，文件可能不完整")) {
                try await fixture.channel.statement(of: CalendarDay(fixture.clock.now()))
            }
        }
    }

    @Test("a day without trades has no bill")
    func noBill() async throws {
        try await WeChatPayFixture.run { fixture in
            await #expect(throws: PaymentChannelError.refused(code: "NO_STATEMENT_EXIST", message: "账单文件不存在")) {
                try await fixture.channel.statement(of: CalendarDay(fixture.clock.now()))
            }
        }
    }

    @Test("malformed bills name the line at fault")
    func malformed() throws {
        // Setup
        let bill = Self.handmade
        func replacing(_ line: Int, _ old: String, _ new: String) -> [String] {
            var copy = bill
            copy[line] = copy[line].replacingOccurrences(of: old, with: new)
            return copy
        }

        // Act and verify
        #expect(reason(Data()) == "微信支付账单第1行：账单文件为空，缺少表头")
        #expect(reason(Data([0xFF, 0xFE, 0x00])) == "微信支付账单第1行：账单文件不是 UTF-8 文本")
        #expect(reason(replacing(0, ",退款金额,", ",退款额,")) == "微信支付账单第1行：表头缺少“退款金额”列")
        #expect(reason(replacing(1, ",`NATIVE", ",NATIVE"))?.hasPrefix("微信支付账单第2行：应有27个") == true)
        #expect(reason(replacing(1, ",`0.60%", ""))?.hasPrefix("微信支付账单第2行：应有27个") == true)
        #expect(reason(replacing(1, "`80.00,`0.00,`", "`80.001,`0.00,`"))?.hasPrefix("微信支付账单第2行：“订单金额”") == true)
        #expect(
            try reason(replacing(2, "`30.00,`0.00,`ORIGINAL", "`0.00,`0.00,`ORIGINAL"))?.hasPrefix("微信支付账单第3行：“退款金额”")
                == true)
        #expect(
            try reason(replacing(1, "2026-02-14 10:08:24", "2026/02/14 10:08:24")) == "微信支付账单第2行：交易时间应为“年-月-日 时:分:秒”")
        #expect(reason(replacing(2, "`REFUND", "`PAYERROR")) == "微信支付账单第3行：未知的交易状态“PAYERROR”")
        #expect(reason(Array(bill.prefix(3)))?.hasPrefix("微信支付账单第3行：缺少以“总交易单数”开头") == true)
        #expect(reason(bill + ["`extra"]) == "微信支付账单第4行：汇总表头之后应恰有一行汇总数据")
        #expect(reason(replacing(4, "`0.30", "0.30")) == "微信支付账单第5行：汇总数据应有7个以 ` 开头的字段")
    }

    @Test("a revoked row moves no money and is skipped, and trailing blank lines are fine")
    func revokedAndBlankLines() throws {
        // Setup
        var bill = Self.handmade
        bill[2] = bill[2].replacingOccurrences(of: "`REFUND", with: "`REVOKED")

        // Act
        let lines = try Self.channel().statementLines(Data((bill.joined(separator: "\n") + "\n\n").utf8))

        // Verify
        #expect(lines.map(\.kind) == [.payment])
    }
}
