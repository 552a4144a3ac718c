import Kernel
import PaymentChannels
import Testing

/// The configuration refuses bad settings at start, in Chinese, and never prints its keys.
@Suite("WeChat Pay configuration")
struct WeChatPayConfigurationTests {
    struct Settings {
        var baseURL = "https://api.mch.weixin.qq.com/"
        var appID = "wxd678efh567hg6787"
        var merchantID = "1230000109"
        var serial = "3775B6A45ACD588826D15E583A95F5DD2A7C1F10"
        var merchantKey = WeChatPayTestKeys.merchantPKCS8
        var platformKey = WeChatPayTestKeys.platformPublic
        var platformKeyID = "PUB_KEY_ID_01142321349124100000000000000000"
        var apiV3Key = WeChatPayVectors.apiV3Key
        var freshness: Double = 300

        func make() throws(DomainError) -> WeChatPayConfiguration {
            try WeChatPayConfiguration(
                baseURL: baseURL, appID: appID, merchantID: merchantID, merchantSerialNumber: serial,
                merchantPrivateKeyPEM: merchantKey, platformPublicKeyPEM: platformKey,
                platformPublicKeyID: platformKeyID,
                apiV3Key: apiV3Key, noticeFreshness: freshness)
        }
    }

    /// The Chinese detail of the error `settings` raise, or nil when they are accepted.
    func problem(_ change: (inout Settings) -> Void) -> String? {
        var settings = Settings()
        change(&settings)
        do {
            _ = try settings.make()
            return nil
        } catch {
            #expect(error.code == "payments.wechat-configuration")
            return error.detail
        }
    }

    @Test("good settings are accepted and the trailing slash dropped")
    func accepted() throws {
        // Act
        let configuration = try Settings().make()

        // Verify
        #expect(configuration.baseURL.absoluteString == "https://api.mch.weixin.qq.com")
        #expect(configuration.noticeFreshness == 300)
        #expect(configuration.platformPublicKeyID == "PUB_KEY_ID_01142321349124100000000000000000")
    }

    @Test("each bad setting is named in Chinese")
    func refused() {
        #expect(problem { $0.baseURL = "ftp://api.mch.weixin.qq.com" }?.contains("接口地址") == true)
        #expect(problem { $0.baseURL = "https://api.mch.weixin.qq.com/?x=1" }?.contains("接口地址") == true)
        #expect(problem { $0.appID = "" }?.contains("appid") == true)
        #expect(problem { $0.merchantID = "12300A0109" }?.contains("商户号") == true)
        #expect(problem { $0.serial = "3775B6A4-5ACD" }?.contains("证书序列号") == true)
        #expect(
            problem { $0.merchantKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }?
                .contains("商户 API 私钥") == true)
        #expect(problem { $0.merchantKey = WeChatPayTestKeys.platformPublic }?.contains("商户 API 私钥") == true)
        #expect(problem { $0.platformKey = "" }?.contains("微信支付公钥无法读取") == true)
        #expect(problem { $0.platformKeyID = "01142321349124100000000000000000" }?.contains("PUB_KEY_ID_") == true)
        #expect(problem { $0.apiV3Key = "short" }?.contains("APIv3 密钥应为 32 个字符") == true)
        #expect(problem { $0.apiV3Key = String(repeating: "密", count: 32) }?.contains("当前为 96 字节") == true)
        #expect(problem { $0.freshness = 0 }?.contains("时效窗口") == true)
        #expect(problem { $0.freshness = .infinity }?.contains("时效窗口") == true)
    }

    @Test("printing or dumping a configuration shows no key material")
    func noSecretsInText() throws {
        // Setup
        let configuration = try Settings().make()

        // Act
        let printed = String(describing: configuration)
        var dumped = ""
        dump(configuration, to: &dumped)

        // Verify
        for text in [printed, dumped] {
            #expect(text.contains("1230000109"))
            #expect(!text.contains(WeChatPayVectors.apiV3Key))
            #expect(!text.contains("MII"))
        }
    }
}
