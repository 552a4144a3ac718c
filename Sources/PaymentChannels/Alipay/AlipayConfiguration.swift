public import Foundation
public import Kernel
import _CryptoExtras

/// How Zhengtong talks to Alipay's open platform as one application (应用) signed up for 当面付.
///
/// Keys are read and checked here, once, so that a wrong paste fails at start-up with a Chinese
/// message instead of at the first payment.
public struct AlipayConfiguration: Sendable {
    /// Alipay's production gateway.
    public static let productionGateway = URL(string: "https://openapi.alipay.com/gateway.do")!

    /// The gateway every API call is posted to.
    public let gateway: URL
    /// The application's id (APPID) on the open platform.
    public let appID: String
    /// The merchant's Alipay user id (2088…); when set, notifications for another seller are refused.
    public let sellerID: String?
    /// Where Alipay posts notifications; when nil, each prepay's own `notifyURL` is used.
    public let notifyURL: URL?
    /// How old a notification's `notify_time` may be before it is refused as a replay.
    ///
    /// 24 hours by default. Alipay retries an unanswered notification for about 25 hours, so the
    /// very last retries fall outside the window; the query job finds those trades anyway, and a
    /// shorter window narrows what a captured notification can replay.
    public let notificationWindow: TimeInterval
    /// How long one call to the gateway may take.
    public let requestTimeout: TimeInterval

    let signingKey: _RSA.Signing.PrivateKey
    let alipayKey: _RSA.Signing.PublicKey

    /// Reads and checks a configuration.
    ///
    /// - Parameters:
    ///   - appID: the APPID, digits only.
    ///   - privateKey: the application's RSA private key (应用私钥), 2048 bits or more, as PEM
    ///     (`PRIVATE KEY` PKCS#8 or `RSA PRIVATE KEY` PKCS#1) or as the bare Base64 that Alipay's key tool prints.
    ///   - alipayPublicKey: Alipay's public key (支付宝公钥), PEM or bare Base64; not the application's own public key.
    ///   - sellerID: the merchant's 16-digit Alipay user id starting with 2088, checked in notifications.
    ///   - gateway: the gateway; HTTPS, or HTTP to this machine for a local simulator.
    ///   - notifyURL: a fixed notification address overriding each prepay's, without a query string.
    ///   - notificationWindow: the replay window in seconds, from one minute to seven days.
    ///   - requestTimeout: the deadline of one call in seconds, from one to 120.
    public init(
        appID: String, privateKey: String, alipayPublicKey: String, sellerID: String? = nil,
        gateway: URL = productionGateway, notifyURL: URL? = nil, notificationWindow: TimeInterval = 24 * 3600,
        requestTimeout: TimeInterval = 15
    ) throws(DomainError) {
        guard (1...32).contains(appID.utf8.count), appID.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw Self.invalid("支付宝应用 ID（APPID）应为开放平台分配的数字，如 2021000000000000。")
        }
        if let sellerID {
            guard sellerID.utf8.count == 16, sellerID.hasPrefix("2088"),
                sellerID.utf8.allSatisfy({ (0x30...0x39).contains($0) })
            else {
                throw Self.invalid("收款支付宝账号（seller_id）应为以 2088 开头的 16 位数字。")
            }
        }
        guard Self.isAcceptableGateway(gateway) else {
            throw Self.invalid("支付宝网关地址必须是 HTTPS 地址（仅本机模拟器可用 HTTP），如 \(Self.productionGateway.absoluteString)。")
        }
        if let notifyURL { try Self.checkNotifyURL(notifyURL) }
        guard (60...(7 * 24 * 3600)).contains(notificationWindow) else {
            throw Self.invalid("通知有效期应在 1 分钟到 7 天之间。")
        }
        guard (1...120).contains(requestTimeout) else {
            throw Self.invalid("请求超时应在 1 到 120 秒之间。")
        }
        let signingKey = try Self.readPrivateKey(privateKey)
        let alipayKey = try Self.readPublicKey(alipayPublicKey)
        guard signingKey.publicKey.derRepresentation != alipayKey.derRepresentation else {
            throw Self.invalid("“支付宝公钥”填成了应用自己的公钥，请在开放平台“接口加签方式”中复制支付宝公钥。")
        }
        self.appID = appID
        self.sellerID = sellerID
        self.gateway = gateway
        self.notifyURL = notifyURL
        self.notificationWindow = notificationWindow
        self.requestTimeout = requestTimeout
        self.signingKey = signingKey
        self.alipayKey = alipayKey
    }

    /// Checks a notification address as Alipay demands: absolute HTTP(S), at most 256 characters,
    /// no query string or fragment (Alipay drops them).
    static func checkNotifyURL(_ url: URL) throws(DomainError) {
        let scheme = url.scheme?.lowercased()
        guard scheme == "https" || scheme == "http", url.host?.isEmpty == false, url.query == nil,
            url.fragment == nil, url.absoluteString.utf8.count <= 256
        else {
            throw invalid("异步通知地址“\(url.absoluteString)”无效：应为不带查询参数、不超过 256 个字符的 http(s) 地址。")
        }
    }

    static func invalid(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "payments.alipay-configuration", title: "支付宝配置有误", detail: detail)
    }

    private static func isAcceptableGateway(_ url: URL) -> Bool {
        guard let host = url.host, !host.isEmpty else { return false }
        switch url.scheme?.lowercased() {
        case "https": return true
        case "http": return host == "127.0.0.1" || host == "localhost" || host == "::1"
        default: return false
        }
    }
}
