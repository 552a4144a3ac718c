public import Foundation
public import Kernel
import _CryptoExtras

/// Everything the WeChat Pay APIv3 adapter needs to speak for one merchant (直连商户), in the
/// “微信支付公钥” mode: responses and notifications are verified with one published public key.
///
/// Keys are parsed here, once, so a wrong setting stops the server at start with a Chinese message
/// instead of failing the first payer.
public struct WeChatPayConfiguration: Sendable {
    /// WeChat Pay's main API endpoint.
    public static let defaultBaseURL = "https://api.mch.weixin.qq.com"
    /// The default freshness window of a notification's timestamp: five minutes, as WeChat advises.
    public static let defaultNoticeFreshness: TimeInterval = 300

    /// The API endpoint, without a trailing slash.
    public let baseURL: URL
    /// The app (公众号, 小程序 or 移动应用) the trades belong to (`appid`).
    public let appID: String
    /// The merchant number (`mchid`).
    public let merchantID: String
    /// The serial number of the merchant API certificate (`serial_no` in `Authorization`).
    public let merchantSerialNumber: String
    /// The id of WeChat Pay's public key (`PUB_KEY_ID_…`), sent and expected in `Wechatpay-Serial`.
    public let platformPublicKeyID: String
    /// How far a notification's timestamp may be from now before it is refused as a replay.
    public let noticeFreshness: TimeInterval

    let merchantKey: _RSA.Signing.PrivateKey
    let platformKey: _RSA.Signing.PublicKey
    /// The APIv3 key's bytes; kept as bytes because `SymmetricKey` is not `Sendable`.
    let apiV3Key: [UInt8]
    /// The path of `baseURL`, prefixed to every signed request path.
    let basePath: String

    /// Checks and parses the settings; every problem is reported in Chinese for the operator.
    public init(
        baseURL: String = WeChatPayConfiguration.defaultBaseURL, appID: String, merchantID: String,
        merchantSerialNumber: String, merchantPrivateKeyPEM: String, platformPublicKeyPEM: String,
        platformPublicKeyID: String, apiV3Key: String,
        noticeFreshness: TimeInterval = WeChatPayConfiguration.defaultNoticeFreshness
    ) throws(DomainError) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            ["https", "http"].contains(scheme),
            url.host?.isEmpty == false, url.query == nil, url.fragment == nil
        else { throw Self.invalid("接口地址“\(baseURL)”无效，应为 https:// 开头的地址，如 \(Self.defaultBaseURL)。") }
        guard Self.isToken(appID, maxLength: 32, allowed: Self.alphanumerics) else {
            throw Self.invalid("公众账号 ID（appid）应为 1 到 32 位字母或数字，如 wxd678efh567hg6787。")
        }
        guard Self.isToken(merchantID, maxLength: 32, allowed: Self.digits) else {
            throw Self.invalid("商户号（mchid）应为 1 到 32 位数字。")
        }
        guard Self.isToken(merchantSerialNumber, maxLength: 64, allowed: Self.hexDigits) else {
            throw Self.invalid("商户 API 证书序列号应为十六进制字符，可在商户平台“API 安全”页查看。")
        }
        let idPrefix = "PUB_KEY_ID_"
        guard platformPublicKeyID.hasPrefix(idPrefix),
            Self.isToken(
                String(platformPublicKeyID.dropFirst(idPrefix.count)), maxLength: 64, allowed: Self.alphanumerics)
        else { throw Self.invalid("微信支付公钥 ID 应以 PUB_KEY_ID_ 开头，后接字母或数字。") }
        guard let merchantKey = try? _RSA.Signing.PrivateKey(pemRepresentation: merchantPrivateKeyPEM) else {
            throw Self.invalid("商户 API 私钥无法读取，请提供 PEM 格式（PKCS#8 或 PKCS#1）、至少 2048 位的 RSA 私钥。")
        }
        guard let platformKey = try? _RSA.Signing.PublicKey(pemRepresentation: platformPublicKeyPEM) else {
            throw Self.invalid("微信支付公钥无法读取，请提供从商户平台下载的 PEM 格式 RSA 公钥（至少 2048 位）。")
        }
        guard apiV3Key.utf8.count == 32 else {
            throw Self.invalid("APIv3 密钥应为 32 个字符（32 字节），当前为 \(apiV3Key.utf8.count) 字节。")
        }
        guard noticeFreshness.isFinite, noticeFreshness > 0, noticeFreshness <= 3600 else {
            throw Self.invalid("通知时效窗口应在 1 秒到 1 小时之间。")
        }
        self.baseURL = url
        self.basePath = url.path == "/" ? "" : url.path
        self.appID = appID
        self.merchantID = merchantID
        self.merchantSerialNumber = merchantSerialNumber
        self.platformPublicKeyID = platformPublicKeyID
        self.noticeFreshness = noticeFreshness
        self.merchantKey = merchantKey
        self.platformKey = platformKey
        self.apiV3Key = Array(apiV3Key.utf8)
    }

    private static let digits = Set("0123456789")
    private static let hexDigits = Set("0123456789abcdefABCDEF")
    private static let alphanumerics = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    private static func isToken(_ text: String, maxLength: Int, allowed: Set<Character>) -> Bool {
        !text.isEmpty && text.count <= maxLength && text.allSatisfy(allowed.contains)
    }

    private static func invalid(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "payments.wechat-configuration", title: "微信支付配置有误", detail: detail)
    }
}

/// Keeps the keys out of logs: printing or dumping a configuration shows only public settings.
extension WeChatPayConfiguration: CustomStringConvertible, CustomReflectable {
    /// The public settings, without keys.
    public var description: String {
        "WeChatPayConfiguration(baseURL: \(baseURL), appID: \(appID), merchantID: \(merchantID), "
            + "merchantSerialNumber: \(merchantSerialNumber), platformPublicKeyID: \(platformPublicKeyID))"
    }

    /// A mirror without the keys.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}
