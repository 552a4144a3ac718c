import Foundation
import Kernel

/// Alipay's asynchronous notifications (异步通知).
extension AlipayChannel {
    /// The largest notification body read; Alipay's are a few kilobytes.
    static let noticeLimit = 64 * 1024
    /// How far ahead of our clock a `notify_time` may be, for clock drift between the two sides.
    static let futureSkew: TimeInterval = 5 * 60

    /// Verifies and reads a notification: RSA2 over the decoded form without `sign` and `sign_type`,
    /// then `app_id`, `seller_id` (when configured) and the age of `notify_time`.
    public func notice(from notification: ChannelNotification) throws(PaymentChannelError) -> ChannelPaymentNotice {
        guard notification.body.count <= Self.noticeLimit else {
            throw .malformed("支付宝通知超过 \(Self.noticeLimit / 1024) KiB 的上限。")
        }
        var fields: [String: String] = [:]
        for (name, value) in try FormURLEncoding.decode(notification.body) {
            guard fields.updateValue(value, forKey: name) == nil else { throw .malformed("支付宝通知中 \(name) 出现了两次。") }
        }
        guard let sign = fields["sign"], fields["sign_type"] == "RSA2",
            AlipaySignature.isValid(
                sign, of: Data(AlipaySignature.notificationContent(fields).utf8), with: configuration.alipayKey)
        else {
            throw .badSignature
        }
        try checkOrigin(fields)
        let reply = AlipayNoticeFields(fields: fields)
        let state: ChannelTradeStatus.State
        switch try reply.required("trade_status") {
        case "WAIT_BUYER_PAY": state = .notPaid
        case "TRADE_SUCCESS", "TRADE_FINISHED": state = .paid
        case "TRADE_CLOSED": state = fields["gmt_refund"] != nil || fields["refund_fee"] != nil ? .refunded : .closed
        case let other: throw .malformed("未知的支付宝交易状态 \(other)。")
        }
        let amountText = try reply.required("total_amount")
        guard let amount = try? Money(parsing: amountText) else {
            throw .malformed("支付宝通知的 total_amount“\(amountText)”不是有效的金额。")
        }
        return ChannelPaymentNotice(
            outTradeNo: try reply.required("out_trade_no"), channelTradeNo: try reply.required("trade_no"),
            state: state, amount: amount, paidAt: try reply.time("gmt_payment"), notificationID: fields["notify_id"])
    }

    /// Alipay retries until it reads exactly `success`; anything else, `fail` included, asks for a retry.
    public func acknowledgement(accepted: Bool) -> ChannelAcknowledgement {
        ChannelAcknowledgement(
            status: 200, contentType: "text/plain; charset=utf-8", body: accepted ? "success" : "fail")
    }

    /// Refuses a genuine notification meant for another application or seller, or too old to trust.
    private func checkOrigin(_ fields: [String: String]) throws(PaymentChannelError) {
        let appID = fields["app_id"] ?? ""
        guard appID == configuration.appID else {
            throw .malformed("支付宝通知属于应用 \(appID)，不是本应用 \(configuration.appID)。")
        }
        if let sellerID = configuration.sellerID, fields["seller_id"] != sellerID {
            throw .malformed("支付宝通知的收款账号 \(fields["seller_id"] ?? "（空）") 不是本商户 \(sellerID)。")
        }
        if let charset = fields["charset"], charset.lowercased() != "utf-8" {
            throw .malformed("支付宝通知的编码 \(charset) 不是下单时约定的 utf-8。")
        }
        guard let sentAt = try AlipayNoticeFields(fields: fields).time("notify_time") else {
            throw .malformed("支付宝通知缺少 notify_time。")
        }
        let age = gateway.clock.now().timeIntervalSince(sentAt)
        guard age <= configuration.notificationWindow else {
            throw .malformed(
                "支付宝通知发送于 \(ShanghaiTime.text(sentAt))，已超过 \(Int(configuration.notificationWindow / 3600)) 小时的有效期，按重放拒绝。"
            )
        }
        guard age >= -Self.futureSkew else {
            throw .malformed("支付宝通知的发送时间 \(ShanghaiTime.text(sentAt)) 晚于当前时间。")
        }
    }
}

/// Required and time-valued fields of a decoded notification.
private struct AlipayNoticeFields {
    var fields: [String: String]

    func required(_ name: String) throws(PaymentChannelError) -> String {
        guard let value = fields[name], !value.isEmpty else { throw .malformed("支付宝通知缺少 \(name)。") }
        return value
    }

    func time(_ name: String) throws(PaymentChannelError) -> Date? {
        guard let text = fields[name], !text.isEmpty else { return nil }
        guard let date = ShanghaiTime.date(text) else { throw .malformed("支付宝通知的 \(name)“\(text)”无法识别。") }
        return date
    }
}
