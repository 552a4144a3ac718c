import Foundation
import Kernel
import Testing

@testable import PaymentChannels

/// Bills that must not be read silently.
@Suite struct AlipayBillMalformedTests {
    static let payment =
        "2026030422001400001234567890\t,T-1\t,交易\t,不动产登记费\t,2026-03-04 10:01:00\t,2026-03-04 10:04:59\t,\t,\t,\t,\t,"
        + "138******00\t,88.88\t,88.88\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,"
    static let refund =
        "2026030422001400001234567890\t,T-1\t,退款\t,不动产登记费\t,2026-03-04 10:01:00\t,2026-03-04 15:30:00\t,\t,\t,\t,\t,"
        + "138******00\t,-8.88\t,-8.88\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,RF0001\t,0.00\t,0.00\t,"

    /// A bill with the comment lines Alipay writes around `rows`; the first row is line 4.
    static func bill(_ rows: [String], header: String = AlipaySimulatorLedger.billHeader) -> Data {
        let lines = ["#支付宝业务明细查询", "#账号：[20880000000000010156]", header] + rows + ["#导出时间：[2026年03月05日 09:00:00]"]
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The message of the `.malformed` error reading `file` throws, or nil.
    static func problem(_ file: Data) -> String? {
        do {
            _ = try AlipayBill(file).lines()
            return nil
        } catch {
            guard case .malformed(let message) = error else { return "\(error)" }
            return message
        }
    }

    @Test func theWellFormedBillReads() throws {
        let lines = try AlipayBill(Self.bill([Self.payment, Self.refund])).lines()
        #expect(lines.map(\.kind) == [.payment, .refund])
        #expect(lines.map(\.amount) == [Money(fen: 8888), Money(fen: 888)])
        #expect(try AlipayBill(Self.bill([])).lines().isEmpty)
    }

    @Test func eachProblemNamesItsLine() {
        func replacing(_ old: String, _ new: String, in row: String = Self.payment) -> Data {
            Self.bill([Self.payment, row.replacingOccurrences(of: old, with: new)])
        }
        #expect(
            Self.problem(Self.bill([Self.payment, String(Self.payment.dropLast())]))
                == "支付宝对账单第 5 行：应有 25 个字段，实有 24 个。")
        #expect(Self.problem(replacing("88.88\t,88.88", "88.888\t,88.88")) == "支付宝对账单第 5 行：订单金额“88.888”不是有效的金额。")
        #expect(Self.problem(replacing("交易", "冻结")) == "支付宝对账单第 5 行：未知的业务类型“冻结”，应为“交易”或“退款”。")
        #expect(Self.problem(replacing("88.88\t,88.88", "-88.88\t,88.88")) == "支付宝对账单第 5 行：交易金额应为正数，实为 -88.88。")
        #expect(
            Self.problem(replacing("-8.88\t,-8.88", "8.88\t,-8.88", in: Self.refund)) == "支付宝对账单第 5 行：退款金额应为负数，实为 8.88。"
        )
        #expect(Self.problem(replacing("RF0001", "", in: Self.refund)) == "支付宝对账单第 5 行：退款行缺少退款批次号/请求号。")
        #expect(
            Self.problem(replacing("2026-03-04 10:04:59", "2026/03/04 10:04:59"))
                == "支付宝对账单第 5 行：完成时间“2026/03/04 10:04:59”应为“年-月-日 时:分:秒”。")
        #expect(Self.problem(replacing("T-1", "")) == "支付宝对账单第 5 行：缺少支付宝交易号或商户订单号。")
        #expect(Self.problem(replacing("不动产登记费", "\"不动产,登记费")) == "支付宝对账单第 5 行：引号不成对。")
    }

    @Test func theHeaderMustBeThere() {
        let renamed = AlipaySimulatorLedger.billHeader.replacingOccurrences(of: "订单金额（元）", with: "金额")
        #expect(
            Self.problem(Self.bill([Self.payment], header: renamed))?.hasPrefix("支付宝对账单第 3 行：表头应含“订单金额（元）”列") == true)
        #expect(
            Self.problem(Data("#支付宝业务明细查询\n#导出时间：[2026年03月05日 09:00:00]\n".utf8))
                == "对账单中没有表头行（支付宝交易号,商户订单号,业务类型,…）。")
    }

    @Test func aZipOrBinaryIsNotReadAsText() {
        // Alipay's own download is a zip (local file header PK\u{3}\u{4}); it must be unpacked first.
        #expect(throws: PaymentChannelError.unsupported("支付宝原始账单是 zip 压缩包，请解压后导入其中的“业务明细”CSV 文件。")) {
            try AlipayBill(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])).lines()
        }
        // 0x81 0x20 is neither UTF-8 nor GBK (a GBK lead byte needs a trail byte from 0x40).
        #expect(Self.problem(Data([0x23, 0x81, 0x20, 0x0A])) == "对账单既不是 UTF-8 也不是 GBK 编码的文本。")
    }
}
