public import Kernel

/// What can go wrong talking to a provider; `domainError` says it in Chinese.
public enum PaymentChannelError: Error, Sendable, Hashable {
    /// A notification or response whose signature does not verify.
    case badSignature
    /// A notification or response that cannot be read (bad JSON, bad ciphertext, missing fields).
    case malformed(String)
    /// The provider refused the request, with its code and message.
    case refused(code: String, message: String)
    /// The trade number is already in use at the provider.
    case alreadyExists
    /// The provider could not be reached or answered with a server error; retrying may help.
    case unavailable(String)
    /// This channel does not do that (the counter has no statement to download, say).
    case unsupported(String)

    /// The error for people and programs.
    public var domainError: DomainError {
        switch self {
        case .badSignature:
            DomainError(
                .invalid, code: "payments.channel-signature", title: "支付通知验签失败",
                detail: "支付渠道的通知或应答签名无效，已拒绝并记录。")
        case .malformed(let why):
            DomainError(.invalid, code: "payments.channel-malformed", title: "支付渠道报文有误", detail: "无法解析支付渠道的报文：\(why)")
        case .refused(let code, let message):
            DomainError(
                .conflict, code: "payments.channel-refused", title: "支付渠道拒绝了请求", detail: "支付渠道返回 \(code)：\(message)")
        case .alreadyExists:
            DomainError(.conflict, code: "payments.channel-duplicate", title: "订单号已存在", detail: "支付渠道已有该缴款码的交易。")
        case .unavailable(let why):
            DomainError(
                .unavailable, code: "payments.channel-unavailable", title: "支付渠道暂不可用",
                detail: "暂时无法连接支付渠道，请稍后再试。（\(why)）")
        case .unsupported(let what):
            DomainError(.invalid, code: "payments.channel-unsupported", title: "该渠道不支持此操作", detail: what)
        }
    }
}
