import Foundation
import Kernel

/// Notifications: WeChat Pay posts `TRANSACTION.SUCCESS` with the transaction sealed under the
/// APIv3 key, and retries until it gets a 2xx.
extension WeChatPayChannel {
    /// The largest notification body accepted; real ones are about 1 KiB.
    static let noticeLimit = 64 * 1024

    /// Verifies, decrypts and reads a payment notification.
    public func notice(from notification: ChannelNotification) throws(PaymentChannelError) -> ChannelPaymentNotice {
        guard notification.body.count <= Self.noticeLimit else { throw .malformed("通知报文超过 64 KiB") }
        let body = Array(notification.body)
        try verifier.verify(headers: notification.headers, body: body)
        guard let envelope = WeChatPayWire.decode(WeChatPayWire.Notification.self, from: body) else {
            throw .malformed("通知报文不是有效的 JSON")
        }
        guard envelope.resourceType == nil || envelope.resourceType == "encrypt-resource",
            envelope.resource.originalType == nil || envelope.resource.originalType == "transaction"
        else { throw .malformed("通知不是支付结果通知") }
        let plaintext = try cipher.open(
            algorithm: envelope.resource.algorithm, ciphertext: envelope.resource.ciphertext,
            nonce: envelope.resource.nonce, associatedData: envelope.resource.associatedData ?? "")
        guard let trade = WeChatPayWire.decode(WeChatPayWire.Transaction.self, from: Array(plaintext)) else {
            throw .malformed("通知中的交易信息无法解析")
        }
        guard trade.mchid == nil || trade.mchid == configuration.merchantID else {
            throw .malformed("通知中的商户号与配置不符")
        }
        guard let channelTradeNo = trade.transactionId, !channelTradeNo.isEmpty,
            let total = trade.amount?.total, total >= 0
        else { throw .malformed("通知缺少微信支付订单号或金额") }
        // `total` is the order's amount, which the order is checked against; `payer_total` is lower
        // only when a WeChat coupon paid part of it, and the merchant is still credited `total`.
        return ChannelPaymentNotice(
            outTradeNo: trade.outTradeNo, channelTradeNo: channelTradeNo, state: try Self.state(of: trade.tradeState),
            amount: Money(fen: total), paidAt: trade.successTime.flatMap(WeChatPayTime.parseRFC3339),
            notificationID: envelope.id)
    }

    /// 200 with no body when accepted; otherwise 500 with WeChat's failure JSON, so it retries.
    public func acknowledgement(accepted: Bool) -> ChannelAcknowledgement {
        accepted
            ? ChannelAcknowledgement(status: 200, contentType: "text/plain; charset=utf-8", body: "")
            : ChannelAcknowledgement(
                status: 500, contentType: "application/json; charset=utf-8", body: #"{"code":"FAIL","message":"失败"}"#)
    }
}
