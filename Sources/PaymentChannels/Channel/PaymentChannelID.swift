/// Names a payment channel; stored in orders, refunds and statements.
public struct PaymentChannelID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stored word, such as `wechat`.
    public var rawValue: String

    /// Wraps a stored word.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// WeChat Pay, APIv3 Native (扫码支付).
    public static let wechat = PaymentChannelID(rawValue: "wechat")
    /// Alipay, 当面付 precreate (扫码支付).
    public static let alipay = PaymentChannelID(rawValue: "alipay")
    /// Cash or card taken by a clerk at the counter.
    public static let counter = PaymentChannelID(rawValue: "counter")
    /// The demo channel, whose own page plays the payer.
    public static let sandbox = PaymentChannelID(rawValue: "sandbox")

    /// The stored word.
    public var description: String { rawValue }

    /// The Chinese name shown on pages.
    public var label: String {
        switch rawValue {
        case "wechat": "微信支付"
        case "alipay": "支付宝"
        case "counter": "窗口缴费"
        case "sandbox": "演示支付"
        default: rawValue
        }
    }
}
