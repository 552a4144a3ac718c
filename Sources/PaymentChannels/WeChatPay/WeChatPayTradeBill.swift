import Foundation
import Kernel

/// A WeChat Pay trade bill (交易账单): a header line, data rows whose every field starts with a
/// backtick (so spreadsheets keep long numbers as text), a summary header beginning `总交易单数`
/// and one summary row. Amounts are yuan with two decimals.
///
/// Columns are found by name, because WeChat does not promise their order. A data row is split
/// on `,` followed by a backtick, so a comma inside a product name does not shift the columns.
struct WeChatPayTradeBill {
    /// The statement lines of the bill's payments and refunds.
    var lines: [StatementLine] = []

    private static let required = ["交易时间", "微信订单号", "商户订单号", "交易状态", "订单金额", "商户退款单号", "退款金额"]
    private static let summaryMark = "总交易单数"

    init(_ file: Data) throws(PaymentChannelError) {
        guard var text = String(data: file, encoding: .utf8) else { throw Self.error(line: 1, "账单文件不是 UTF-8 文本") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // In Swift "\r\n" is one Character, so both line ends are named.
        var rows = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        while let last = rows.last, last.isEmpty { rows.removeLast() }
        guard let header = rows.first, !header.isEmpty else { throw Self.error(line: 1, "账单文件为空，缺少表头") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var column: [String: Int] = [:]
        for (index, name) in names.enumerated() where column[name] == nil { column[name] = index }
        let missing = Self.required.filter { column[$0] == nil }
        guard missing.isEmpty else { throw Self.error(line: 1, "表头缺少“\(missing.joined(separator: "、"))”列") }
        guard let summary = rows.lastIndex(where: { $0.hasPrefix(Self.summaryMark) }) else {
            throw Self.error(line: rows.count, "缺少以“\(Self.summaryMark)”开头的汇总表头")
        }
        guard summary >= 1, summary == rows.count - 2 else {
            throw Self.error(line: summary + 1, "汇总表头之后应恰有一行汇总数据")
        }
        let summaryWidth = rows[summary].split(separator: ",", omittingEmptySubsequences: false).count
        guard let totals = Self.fields(of: rows[summary + 1]), totals.count == summaryWidth else {
            throw Self.error(line: summary + 2, "汇总数据应有\(summaryWidth)个以 ` 开头的字段")
        }
        for index in 1..<summary {
            let number = index + 1
            guard let fields = Self.fields(of: rows[index]), fields.count == names.count else {
                throw Self.error(line: number, "应有\(names.count)个以 ` 开头、以逗号分隔的字段")
            }
            let field = { (name: String) in fields[column[name]!] }
            let kind: StatementLine.Kind
            let amountColumn: String
            switch field("交易状态") {
            case "SUCCESS": (kind, amountColumn) = (.payment, "订单金额")
            case "REFUND": (kind, amountColumn) = (.refund, "退款金额")
            // 撤销 applies to 付款码支付 only; it moves no money that a Native order could claim.
            case "REVOKED": continue
            case let other: throw Self.error(line: number, "未知的交易状态“\(other.prefix(32))”")
            }
            guard let amount = try? Money(parsing: field(amountColumn)), amount.fen > 0 else {
                throw Self.error(line: number, "“\(amountColumn)”应为大于零、两位小数的元金额，实为“\(field(amountColumn).prefix(32))”")
            }
            guard let at = WeChatPayTime.parseBillTime(field("交易时间")) else {
                throw Self.error(line: number, "交易时间应为“年-月-日 时:分:秒”")
            }
            let outTradeNo = field("商户订单号")
            let channelTradeNo = field("微信订单号")
            guard !outTradeNo.isEmpty, !channelTradeNo.isEmpty else { throw Self.error(line: number, "缺少订单号") }
            let refundNo = kind == .refund ? field("商户退款单号") : nil
            guard refundNo.map({ !$0.isEmpty }) ?? true else { throw Self.error(line: number, "退款行缺少商户退款单号") }
            lines.append(
                StatementLine(
                    outTradeNo: outTradeNo, channelTradeNo: channelTradeNo, kind: kind, amount: amount,
                    refundNo: refundNo, at: at))
        }
    }

    /// The fields of a data or summary row without their backticks, or nil if a field lacks one.
    private static func fields(of row: Substring) -> [String]? {
        guard row.first == "`" else { return nil }
        let parts = row.dropFirst().split(separator: ",`", omittingEmptySubsequences: false)
        return parts.contains(where: { $0.contains("`") }) ? nil : parts.map { String($0) }
    }

    private static func error(line: Int, _ problem: String) -> PaymentChannelError {
        .malformed("微信支付账单第\(line)行：\(problem)")
    }
}
