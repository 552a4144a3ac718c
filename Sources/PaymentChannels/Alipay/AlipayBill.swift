import Foundation
import Kernel

/// Alipay's trade bill (业务明细), read into statement lines.
///
/// The file opens with `#` lines (`#支付宝业务明细查询`, `#账号：…`, `#起始日期：…`), then one header
/// line naming the columns, then one line per trade or refund, each field padded with tabs or
/// spaces, and ends with `#` lines (`#-----业务明细列表结束------`, `#交易合计…`, `#导出时间…`).
/// Alipay serves it zipped and in GBK; a zip is refused with a clear message (no inflate in this
/// target), GBK is decoded through GB 18030, its superset.
struct AlipayBill {
    /// The file as text.
    let text: String

    /// GB 18030 as Foundation numbers it (CFStringEncoding 0x0632 lifted into NSStringEncoding);
    /// every GBK file is also valid GB 18030.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes a bill file, UTF-8 (with or without a byte-order mark) or GBK.
    init(_ file: Data) throws(PaymentChannelError) {
        if file.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .unsupported("支付宝原始账单是 zip 压缩包，请解压后导入其中的“业务明细”CSV 文件。")
        }
        let bytes = file.starts(with: [0xEF, 0xBB, 0xBF]) ? file.dropFirst(3) : file[...]
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if let gbk = String(data: Data(bytes), encoding: Self.gb18030) {
            text = gbk
        } else {
            throw .malformed("对账单既不是 UTF-8 也不是 GBK 编码的文本。")
        }
    }

    /// The payments and refunds of the bill in file order.
    func lines() throws(PaymentChannelError) -> [StatementLine] {
        var columns: AlipayBillColumns?
        var lines: [StatementLine] = []
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, row) in rows.enumerated() {
            let number = offset + 1
            guard !row.allSatisfy(\.isWhitespace), !row.hasPrefix("#") else { continue }
            guard let raw = CSVLine.fields(row) else { throw Self.malformed(number, "引号不成对。") }
            let fields = raw.map { $0.trimmingCharacters(in: .whitespaces) }
            if let columns {
                lines.append(try line(fields, columns: columns, number: number))
            } else {
                columns = try AlipayBillColumns(header: fields, line: number)
            }
        }
        guard columns != nil else {
            throw .malformed("对账单中没有表头行（支付宝交易号,商户订单号,业务类型,…）。")
        }
        return lines
    }

    private func line(_ fields: [String], columns: AlipayBillColumns, number: Int) throws(PaymentChannelError)
        -> StatementLine
    {
        guard fields.count == columns.count else {
            throw Self.malformed(number, "应有 \(columns.count) 个字段，实有 \(fields.count) 个。")
        }
        let tradeNo = fields[columns.tradeNo]
        let outTradeNo = fields[columns.outTradeNo]
        guard !tradeNo.isEmpty, !outTradeNo.isEmpty else { throw Self.malformed(number, "缺少支付宝交易号或商户订单号。") }
        let amountText = fields[columns.amount]
        guard let amount = try? Money(parsing: amountText) else {
            throw Self.malformed(number, "订单金额“\(amountText)”不是有效的金额。")
        }
        let finishedText = fields[columns.finishedAt]
        let finishedAt = ShanghaiTime.date(finishedText)
        guard finishedText.isEmpty || finishedAt != nil else {
            throw Self.malformed(number, "完成时间“\(finishedText)”应为“年-月-日 时:分:秒”。")
        }
        switch fields[columns.kind] {
        case "交易":
            guard amount.fen > 0 else { throw Self.malformed(number, "交易金额应为正数，实为 \(amountText)。") }
            return StatementLine(
                outTradeNo: outTradeNo, channelTradeNo: tradeNo, kind: .payment, amount: amount, at: finishedAt)
        case "退款":
            // Alipay writes refunds as negative amounts; statement lines carry them positive with kind `.refund`.
            guard amount.fen < 0 else { throw Self.malformed(number, "退款金额应为负数，实为 \(amountText)。") }
            let refundNo = fields[columns.refundNo]
            guard !refundNo.isEmpty else { throw Self.malformed(number, "退款行缺少退款批次号/请求号。") }
            return StatementLine(
                outTradeNo: outTradeNo, channelTradeNo: tradeNo, kind: .refund, amount: Money(fen: -amount.fen),
                refundNo: refundNo, at: finishedAt)
        case let other:
            throw Self.malformed(number, "未知的业务类型“\(other)”，应为“交易”或“退款”。")
        }
    }

    static func malformed(_ line: Int, _ problem: String) -> PaymentChannelError {
        .malformed("支付宝对账单第 \(line) 行：\(problem)")
    }
}
