public import Foundation
public import Kernel

/// What a channel needs to open a scan-to-pay trade.
public struct PrepayRequest: Sendable, Hashable {
    /// Our trade number (商户订单号): the order's 20-digit payment code.
    public var outTradeNo: String
    /// What is paid for, shown in the payer's app (at most 127 bytes for WeChat Pay).
    public var description: String
    /// The amount, in fen; more than zero.
    public var amount: Money
    /// After this instant the provider must refuse payment.
    public var expiresAt: Date
    /// Where the provider posts its notification.
    public var notifyURL: URL

    /// Creates a request.
    public init(outTradeNo: String, description: String, amount: Money, expiresAt: Date, notifyURL: URL) {
        self.outTradeNo = outTradeNo
        self.description = description
        self.amount = amount
        self.expiresAt = expiresAt
        self.notifyURL = notifyURL
    }
}

/// A trade opened at the provider.
public struct PrepayResult: Sendable, Hashable {
    /// The text of the QR the payer scans (WeChat's `code_url`, Alipay's `qr_code`).
    public var qrContent: String

    /// Creates a result.
    public init(qrContent: String) {
        self.qrContent = qrContent
    }
}
