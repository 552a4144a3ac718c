import Foundation
import Kernel

@testable import PaymentChannels

/// The trade bill (业务明细) the simulated Alipay serves, in Alipay's layout but as UTF-8 CSV
/// rather than a zip of GBK.
extension AlipaySimulatorLedger {
    /// The column header line of Alipay's trade bill.
    static let billHeader =
        "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,"
        + "支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,"
        + "退款批次号/请求号,服务费（元）,分润（元）,备注"

    /// The bill of `day` for the seller `sellerID`: every payment and refund completed that day.
    func bill(of day: CalendarDay, sellerID: String, exportedAt: Date) -> String {
        var rows: [(at: Date, fields: [String])] = []
        var paid = (count: 0, fen: Int64(0))
        var refunded = (count: 0, fen: Int64(0))
        for trade in trades.values {
            if let paidAt = trade.paidAt, CalendarDay(paidAt) == day {
                rows.append((paidAt, row(trade, kind: "交易", amount: trade.amount, at: paidAt, requestNo: "")))
                paid = (paid.count + 1, paid.fen + trade.amount.fen)
            }
            for (requestNo, refund) in trade.refunds where CalendarDay(refund.at) == day {
                let negative = Money(fen: -refund.amount.fen)
                rows.append((refund.at, row(trade, kind: "退款", amount: negative, at: refund.at, requestNo: requestNo)))
                refunded = (refunded.count + 1, refunded.fen - refund.amount.fen)
            }
        }
        let start = Self.chineseTime(day.startDate)
        let end = Self.chineseTime(day.adding(days: 1).startDate)
        var lines = [
            "#支付宝业务明细查询", "#账号：[\(sellerID)0156]", "#起始日期：[\(start)]   终止日期：[\(end)]",
            "#-----------------------------------------业务明细列表----------------------------------------",
            Self.billHeader,
        ]
        // Alipay pads every field with a tab so that spreadsheets keep long numbers as text.
        lines += rows.sorted { $0.at < $1.at }.map { $0.fields.map { Self.quoted($0) + "\t" }.joined(separator: ",") }
        lines += [
            "#-----------------------------------------业务明细列表结束------------------------------------",
            "#交易合计：\(paid.count)笔，商家实收：\(Money(fen: paid.fen).decimalText)元，商家优惠：0.00元",
            "#退款合计：\(refunded.count)笔，商家实收：\(Money(fen: refunded.fen).decimalText)元，商家优惠：0.00元",
            "#导出时间：[\(Self.chineseTime(exportedAt))]",
        ]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func row(
        _ trade: AlipaySimulatedTrade, kind: String, amount: Money, at: Date, requestNo: String
    ) -> [String] {
        let money = amount.decimalText
        return [
            trade.tradeNo, trade.outTradeNo, kind, trade.subject, ShanghaiTime.text(trade.createdAt),
            ShanghaiTime.text(at), "", "", "", "", "138******00", money, money, "0.00", "0.00", "0.00", "0.00", "0.00",
            "", "0.00", "0.00", requestNo, "0.00", "0.00", "",
        ]
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(",") || field.contains("\"") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `2026年03月04日 00:00:00`, as the bill's comment lines write times.
    private static func chineseTime(_ date: Date) -> String {
        let text = ShanghaiTime.text(date)
        let parts = text.split(separator: " ")
        let day = parts[0].split(separator: "-")
        return "\(day[0])年\(day[1])月\(day[2])日 \(parts[1])"
    }
}
