import Foundation
import Hummingbird

/// Native prepay, query, close and refund, with WeChat Pay's answers and error codes.
extension WeChatPaySimulator {
    typealias Wire = WeChatPaySimulatorWire

    func prepay(_ body: [UInt8]) -> Answer {
        guard let order = Wire.decode(Wire.NativePrepay.self, body), order.appid == Self.appID,
            order.mchid == Self.merchantID, order.amount.total > 0, order.amount.currency ?? "CNY" == "CNY",
            (6...32).contains(order.outTradeNo.count), order.description.utf8.count <= 127,
            URL(string: order.notifyUrl)?.host != nil
        else { return (.badRequest, Wire.failure("PARAM_ERROR", "参数错误")) }
        // WeChat Pay refuses a time_expire that is not RFC 3339; a missing one means two hours.
        let expiresAt: Date
        if let text = order.timeExpire {
            guard let parsed = Wire.parseAPITime(text) else {
                return (.badRequest, Wire.failure("PARAM_ERROR", "time_expire 格式错误"))
            }
            expiresAt = parsed
        } else {
            expiresAt = clock.now().addingTimeInterval(7200)
        }
        return ledger.withLock { ledger -> Answer in
            if let trade = ledger.trades[order.outTradeNo] {
                switch trade.state {
                case "NOTPAY" where trade.total == order.amount.total && trade.description == order.description:
                    return (.ok, Wire.encode(["code_url": trade.codeURL]))
                case "SUCCESS", "REFUND": return (.forbidden, Wire.failure("ORDERPAID", "该订单已支付"))
                case "CLOSED": return (.badRequest, Wire.failure("ORDER_CLOSED", "订单已关闭"))
                default: return (.forbidden, Wire.failure("OUT_TRADE_NO_USED", "商户订单号重复"))
                }
            }
            let code = "weixin://wxpay/bizpayurl?pr=" + ledger.nextNumber("pr").suffix(9)
            ledger.trades[order.outTradeNo] = .init(
                outTradeNo: order.outTradeNo, description: order.description, total: order.amount.total,
                notifyURL: order.notifyUrl, expiresAt: expiresAt, codeURL: code, state: "NOTPAY")
            return (.ok, Wire.encode(["code_url": code]))
        }
    }

    func query(outTradeNo: String, mchid: String) -> Answer {
        guard mchid == Self.merchantID else { return (.badRequest, Wire.failure("PARAM_ERROR", "商户号错误")) }
        guard let trade = trade(outTradeNo) else { return (.notFound, Wire.failure("ORDER_NOT_EXIST", "订单不存在")) }
        return (.ok, Wire.encode(transaction(trade)))
    }

    func close(outTradeNo: String, body: [UInt8]) -> Answer {
        guard Wire.decode(Wire.Close.self, body)?.mchid == Self.merchantID else {
            return (.badRequest, Wire.failure("PARAM_ERROR", "商户号错误"))
        }
        return ledger.withLock { ledger -> Answer in
            guard var trade = ledger.trades[outTradeNo] else {
                return (.notFound, Wire.failure("ORDER_NOT_EXIST", "订单不存在"))
            }
            switch trade.state {
            case "NOTPAY", "CLOSED":
                trade.state = "CLOSED"
                ledger.trades[outTradeNo] = trade
                return (.noContent, [])
            default:
                return (.badRequest, Wire.failure("ORDERPAID", "订单已支付，不能关闭"))
            }
        }
    }

    func refund(_ body: [UInt8]) -> Answer {
        guard let request = Wire.decode(Wire.Refund.self, body), request.amount.currency == "CNY",
            request.amount.refund > 0
        else { return (.badRequest, Wire.failure("PARAM_ERROR", "参数错误")) }
        let now = clock.now()
        return ledger.withLock { ledger -> Answer in
            if let earlier = ledger.refunds.first(where: { $0.outRefundNo == request.outRefundNo }) {
                return (.ok, Self.refundAnswer(earlier))
            }
            guard var trade = ledger.trades[request.outTradeNo] else {
                return (.notFound, Wire.failure("RESOURCE_NOT_EXISTS", "订单不存在"))
            }
            guard trade.state == "SUCCESS" || trade.state == "REFUND" else {
                return (.badRequest, Wire.failure("INVALID_REQUEST", "订单未支付，不能退款"))
            }
            guard request.amount.total == trade.total else {
                return (.badRequest, Wire.failure("PARAM_ERROR", "订单金额与原订单不符"))
            }
            guard trade.refunded + request.amount.refund <= trade.total else {
                return (.badRequest, Wire.failure("INVALID_REQUEST", "申请退款金额超过订单可退金额"))
            }
            let refund = WeChatPaySimulatorLedger.Refund(
                outRefundNo: request.outRefundNo, refundID: ledger.nextNumber("5030"), outTradeNo: trade.outTradeNo,
                amount: request.amount.refund, status: ledger.refundStatus, createdAt: now)
            trade.refunded += refund.amount
            trade.state = "REFUND"
            ledger.trades[trade.outTradeNo] = trade
            ledger.refunds.append(refund)
            return (.ok, Self.refundAnswer(refund))
        }
    }

    /// A trade as WeChat's query and notification show it.
    func transaction(_ trade: WeChatPaySimulatorLedger.Trade) -> Wire.Transaction {
        let paid = trade.transactionID != nil
        return Wire.Transaction(
            appid: Self.appID, mchid: Self.merchantID, outTradeNo: trade.outTradeNo, transactionId: trade.transactionID,
            tradeType: "NATIVE", tradeState: trade.state, tradeStateDesc: paid ? "支付成功" : "未支付",
            bankType: paid ? "OTHERS" : nil, attach: "", successTime: trade.paidAt.map(Wire.apiTime),
            payer: paid ? .init(openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o") : nil,
            amount: .init(
                total: trade.total, payerTotal: paid ? trade.total : nil, currency: "CNY", payerCurrency: "CNY"))
    }

    private static func refundAnswer(_ refund: WeChatPaySimulatorLedger.Refund) -> [UInt8] {
        Wire.encode([
            "refund_id": refund.refundID, "out_refund_no": refund.outRefundNo, "out_trade_no": refund.outTradeNo,
            "status": refund.status, "create_time": Wire.apiTime(refund.createdAt),
        ])
    }
}
