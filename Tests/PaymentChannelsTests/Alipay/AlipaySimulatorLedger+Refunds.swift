import Foundation
import Kernel

@testable import PaymentChannels

/// Refunds at the simulated Alipay, idempotent by `out_request_no` as Alipay's are.
extension AlipaySimulatorLedger {
    /// `alipay.trade.refund`; the second answer tells whether the trade is now refunded in full.
    mutating func refund(_ biz: [String: String], now: Date) -> (fields: [String: String], closedTrade: Bool) {
        guard let outTradeNo = biz["out_trade_no"], var trade = trades[outTradeNo], trade.status != .precreated else {
            return (Self.failure("ACQ.TRADE_NOT_EXIST", "交易不存在"), false)
        }
        // Without out_request_no Alipay takes the trade number, which allows one refund only.
        let requestNo = biz["out_request_no"].flatMap { $0.isEmpty ? nil : $0 } ?? outTradeNo
        if trade.refunds.contains(where: { $0.requestNo == requestNo }) {
            // The same request again: no money moves, the answer describes the trade's refunds so far.
            return (refundAnswer(trade, fundChange: "N", now: now), false)
        }
        guard trade.status == .success else {
            return (Self.failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"), false)
        }
        guard let amount = biz["refund_amount"].flatMap({ try? Money(parsing: $0) }), amount.fen > 0 else {
            return (Self.failure("ACQ.INVALID_PARAMETER", "参数无效"), false)
        }
        guard trade.refunded.fen + amount.fen <= trade.amount.fen else {
            return (Self.failure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"), false)
        }
        trade.refunds.append((requestNo, AlipaySimulatedTrade.Refund(amount: amount, at: now, settled: !holdRefunds)))
        let closes = trade.refunded == trade.amount
        if closes { trade.status = .closed }
        trades[outTradeNo] = trade
        return (refundAnswer(trade, fundChange: holdRefunds ? "N" : "Y", now: now), closes)
    }

    /// `alipay.trade.fastpay.refund.query`: a refund not found answers 10000 without refund fields.
    func refundQuery(_ biz: [String: String]) -> [String: String] {
        guard let outTradeNo = biz["out_trade_no"], let trade = trades[outTradeNo], trade.status != .precreated else {
            return Self.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        }
        let requestNo = biz["out_request_no"].flatMap { $0.isEmpty ? nil : $0 } ?? outTradeNo
        var fields = Self.success.merging(["out_trade_no": outTradeNo, "trade_no": trade.tradeNo]) { $1 }
        if let found = trade.refunds.first(where: { $0.requestNo == requestNo }) {
            fields["out_request_no"] = requestNo
            fields["total_amount"] = trade.amount.decimalText
            fields["refund_amount"] = found.refund.amount.decimalText
            if found.refund.settled { fields["refund_status"] = "REFUND_SUCCESS" }
        }
        return fields
    }

    private func refundAnswer(_ trade: AlipaySimulatedTrade, fundChange: String, now: Date) -> [String: String] {
        Self.success.merging(
            [
                "out_trade_no": trade.outTradeNo, "trade_no": trade.tradeNo, "fund_change": fundChange,
                // refund_fee is the trade's refunded total, not this request's amount.
                "refund_fee": trade.refunded.decimalText, "gmt_refund_pay": ShanghaiTime.text(now),
                "buyer_logon_id": "138******00",
            ]) { $1 }
    }
}
