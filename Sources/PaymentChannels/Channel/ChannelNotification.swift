public import Foundation
public import Kernel

/// A provider's asynchronous notification exactly as it arrived: no HTTP types, so the domain and
/// the adapters stay free of the web framework.
public struct ChannelNotification: Sendable, Hashable {
    /// Header fields, names in lower case.
    public var headers: [String: String]
    /// The raw body; signatures cover these exact bytes.
    public var body: Data

    /// Creates a notification; header names are lower-cased here.
    public init(headers: [String: String], body: Data) {
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }
}

/// What a verified notification says.
public struct ChannelPaymentNotice: Sendable, Hashable {
    /// Our trade number.
    public var outTradeNo: String
    /// The provider's trade number.
    public var channelTradeNo: String
    /// The state the notification reports; only `.paid` moves an order.
    public var state: ChannelTradeStatus.State
    /// The amount the payer paid, in fen.
    public var amount: Money
    /// When it was paid.
    public var paidAt: Date?
    /// The provider's notification id (WeChat `id`, Alipay `notify_id`), logged for tracing.
    public var notificationID: String?

    /// Creates a notice.
    public init(
        outTradeNo: String, channelTradeNo: String, state: ChannelTradeStatus.State, amount: Money, paidAt: Date?,
        notificationID: String?
    ) {
        self.outTradeNo = outTradeNo
        self.channelTradeNo = channelTradeNo
        self.state = state
        self.amount = amount
        self.paidAt = paidAt
        self.notificationID = notificationID
    }
}

/// The HTTP answer a provider expects to a notification.
public struct ChannelAcknowledgement: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// The content type of `body`.
    public var contentType: String
    /// The body.
    public var body: String

    /// Creates an acknowledgement.
    public init(status: Int, contentType: String, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
