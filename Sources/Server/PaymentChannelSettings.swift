import AsyncHTTPClient
import Foundation
import Kernel
import PaymentChannels

/// The merchant settings of the real payment channels, read from the environment. Keys are read from
/// PEM files so that they never sit in the environment of every child process.
public struct PaymentChannelSettings: Sendable {
    /// `ZT_WECHATPAY_URL`; empty is the production API.
    public var wechatBaseURL = ""
    /// `ZT_WECHATPAY_APP_ID`; WeChat Pay is offered when set.
    public var wechatAppID = ""
    /// `ZT_WECHATPAY_MCH_ID`.
    public var wechatMerchantID = ""
    /// `ZT_WECHATPAY_SERIAL`: the merchant certificate's serial number.
    public var wechatSerialNumber = ""
    /// `ZT_WECHATPAY_KEY_FILE`: the merchant's RSA private key (PEM).
    public var wechatKeyFile = ""
    /// `ZT_WECHATPAY_PUBLIC_KEY_FILE`: the WeChat Pay public key (PEM).
    public var wechatPublicKeyFile = ""
    /// `ZT_WECHATPAY_PUBLIC_KEY_ID`: its id, `PUB_KEY_ID_…`.
    public var wechatPublicKeyID = ""
    /// `ZT_WECHATPAY_APIV3_KEY`: the 32-byte APIv3 key.
    public var wechatAPIv3Key = ""
    /// `ZT_ALIPAY_URL`; empty is the production gateway.
    public var alipayGateway = ""
    /// `ZT_ALIPAY_APP_ID`; Alipay is offered when set.
    public var alipayAppID = ""
    /// `ZT_ALIPAY_KEY_FILE`: the app's RSA private key (PEM).
    public var alipayKeyFile = ""
    /// `ZT_ALIPAY_PUBLIC_KEY_FILE`: Alipay's public key (PEM).
    public var alipayPublicKeyFile = ""
    /// `ZT_ALIPAY_SELLER_ID`: checked in notifications when set.
    public var alipaySellerID = ""

    /// No real channel.
    public init() {}

    /// Settings read from the environment.
    public init(
        wechatBaseURL: String, wechatAppID: String, wechatMerchantID: String, wechatSerialNumber: String,
        wechatKeyFile: String, wechatPublicKeyFile: String, wechatPublicKeyID: String, wechatAPIv3Key: String,
        alipayGateway: String, alipayAppID: String, alipayKeyFile: String, alipayPublicKeyFile: String,
        alipaySellerID: String
    ) {
        self.wechatBaseURL = wechatBaseURL
        self.wechatAppID = wechatAppID
        self.wechatMerchantID = wechatMerchantID
        self.wechatSerialNumber = wechatSerialNumber
        self.wechatKeyFile = wechatKeyFile
        self.wechatPublicKeyFile = wechatPublicKeyFile
        self.wechatPublicKeyID = wechatPublicKeyID
        self.wechatAPIv3Key = wechatAPIv3Key
        self.alipayGateway = alipayGateway
        self.alipayAppID = alipayAppID
        self.alipayKeyFile = alipayKeyFile
        self.alipayPublicKeyFile = alipayPublicKeyFile
        self.alipaySellerID = alipaySellerID
    }

    /// Whether any real channel is configured.
    public var anyConfigured: Bool { !wechatAppID.isEmpty || !alipayAppID.isEmpty }

    /// The configured channels, built with `client`; throws a Chinese configuration error.
    func channels(client: HTTPClient, clock: any Clock) throws -> [any PaymentChannel] {
        var channels: [any PaymentChannel] = []
        if !wechatAppID.isEmpty {
            let configuration = try WeChatPayConfiguration(
                baseURL: wechatBaseURL.isEmpty ? WeChatPayConfiguration.defaultBaseURL : wechatBaseURL,
                appID: wechatAppID, merchantID: wechatMerchantID, merchantSerialNumber: wechatSerialNumber,
                merchantPrivateKeyPEM: try Self.read(wechatKeyFile, "ZT_WECHATPAY_KEY_FILE"),
                platformPublicKeyPEM: try Self.read(wechatPublicKeyFile, "ZT_WECHATPAY_PUBLIC_KEY_FILE"),
                platformPublicKeyID: wechatPublicKeyID, apiV3Key: wechatAPIv3Key)
            channels.append(WeChatPayChannel(configuration: configuration, httpClient: client, clock: clock))
        }
        if !alipayAppID.isEmpty {
            let gateway = alipayGateway.isEmpty ? AlipayConfiguration.productionGateway : URL(string: alipayGateway)
            guard let gateway else { throw ConfigurationError(message: "ZT_ALIPAY_URL 不是有效的网址") }
            let configuration = try AlipayConfiguration(
                appID: alipayAppID, privateKey: try Self.read(alipayKeyFile, "ZT_ALIPAY_KEY_FILE"),
                alipayPublicKey: try Self.read(alipayPublicKeyFile, "ZT_ALIPAY_PUBLIC_KEY_FILE"),
                sellerID: alipaySellerID.isEmpty ? nil : alipaySellerID, gateway: gateway)
            channels.append(AlipayChannel(configuration: configuration, httpClient: client, clock: clock))
        }
        return channels
    }

    private static func read(_ path: String, _ name: String) throws -> String {
        guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(message: "\(name) 应指向可读的 PEM 密钥文件")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
