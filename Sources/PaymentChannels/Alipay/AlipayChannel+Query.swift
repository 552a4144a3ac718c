import Foundation
import Kernel

/// Asking Alipay where a trade stands, and refunds.
extension AlipayChannel {
    /// Reads a trade with `alipay.trade.query`.
    public func query(outTradeNo: String) async throws(PaymentChannelError) -> ChannelTradeStatus {
        let reply = try await gateway.call("alipay.trade.query", biz: ["out_trade_no": outTradeNo])
        guard reply.isSuccess else {
            if reply.subCode == "ACQ.TRADE_NOT_EXIST" {
                return ChannelTradeStatus(outTradeNo: outTradeNo, state: .unknown)
            }
            throw reply.failure
        }
        try Self.check(reply, outTradeNo: outTradeNo)
        let paidAt = try reply.fields["send_pay_date"].map { text throws(PaymentChannelError) in
            guard let date = ShanghaiTime.date(text) else { throw .malformed("支付宝应答的 send_pay_date“\(text)”无法识别。") }
            return date
        }
        let state: ChannelTradeStatus.State
        switch try reply.required("trade_status") {
        case "WAIT_BUYER_PAY": state = .notPaid
        case "TRADE_SUCCESS", "TRADE_FINISHED": state = .paid
        // TRADE_CLOSED is both "expired unpaid" and "paid, then refunded in full"; only the latter was ever paid.
        case "TRADE_CLOSED": state = paidAt == nil ? .closed : .refunded
        case let other: throw .malformed("未知的支付宝交易状态 \(other)。")
        }
        let wasPaid = state == .paid || state == .refunded
        return ChannelTradeStatus(
            outTradeNo: outTradeNo, state: state, channelTradeNo: reply.fields["trade_no"],
            amount: wasPaid ? try Self.money(reply, "total_amount") : nil, paidAt: wasPaid ? paidAt : nil)
    }

    /// Refunds with `alipay.trade.refund`, `refundNo` as `out_request_no`.
    ///
    /// `fund_change` `Y` means money moved. `N` comes back both when a repeated `out_request_no`
    /// finds the refund already done and when the refund is still under way, so Alipay's docs ask for
    /// `alipay.trade.fastpay.refund.query`: `refund_status` `REFUND_SUCCESS` is a refund that happened.
    public func refund(_ request: ChannelRefundRequest) async throws(PaymentChannelError) -> ChannelRefundResult {
        guard request.amount.fen > 0, request.amount <= request.total else {
            throw .malformed("退款金额 \(request.amount.decimalText) 元应大于零且不超过订单金额 \(request.total.decimalText) 元。")
        }
        let reply = try await gateway.call(
            "alipay.trade.refund",
            biz: [
                "out_trade_no": request.outTradeNo, "refund_amount": request.amount.decimalText,
                "out_request_no": request.refundNo, "refund_reason": String(request.reason.prefix(256)),
            ])
        guard reply.isSuccess else { throw reply.failure }
        try Self.check(reply, outTradeNo: request.outTradeNo)
        if reply.fields["fund_change"] == "Y" {
            return ChannelRefundResult(refundNo: request.refundNo, channelRefundNo: nil, state: .succeeded)
        }
        let check = try await gateway.call(
            "alipay.trade.fastpay.refund.query",
            biz: ["out_trade_no": request.outTradeNo, "out_request_no": request.refundNo])
        guard check.isSuccess else { throw check.failure }
        let done = check.fields["refund_status"] == "REFUND_SUCCESS"
        if done, let amount = check.fields["refund_amount"], (try? Money(parsing: amount)) != request.amount {
            throw .refused(
                code: "REFUND_AMOUNT_MISMATCH",
                message: "退款请求号 \(request.refundNo) 已用于 \(amount) 元的退款，与本次的 \(request.amount.decimalText) 元不符。")
        }
        return ChannelRefundResult(
            refundNo: request.refundNo, channelRefundNo: nil, state: done ? .succeeded : .processing)
    }
}
