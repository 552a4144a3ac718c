import Foundation
import Kernel
import Testing

@testable import PaymentChannels

/// Start-up checks of the Alipay configuration.
@Suite struct AlipayConfigurationTests {
    static let gateway = AlipayConfiguration.productionGateway

    /// The PEM body alone, as Alipay's key tool prints keys.
    static func bare(_ pem: String) -> String {
        pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    }

    @Test func pkcs1AndBareKeysReadAsTheSameKey() throws {
        // Setup / act: the one application key in three spellings.
        let pkcs8 = try AlipayConfiguration(
            appID: "2021000000000001", privateKey: AlipayTestKeys.appPrivateKey,
            alipayPublicKey: AlipayTestKeys.alipayPublicKey)
        let pkcs1 = try AlipayConfiguration(
            appID: "2021000000000001", privateKey: AlipayTestKeys.appPrivateKeyPKCS1,
            alipayPublicKey: Self.bare(AlipayTestKeys.alipayPublicKey))
        let bare = try AlipayConfiguration(
            appID: "2021000000000001", privateKey: Self.bare(AlipayTestKeys.appPrivateKey),
            alipayPublicKey: AlipayTestKeys.alipayPublicKey)

        // Verify: all three sign the same text identically (RSA PKCS#1 v1.5 is deterministic).
        let content = Data("app_id=2021000000000001".utf8)
        let signature = try AlipaySignature.sign(content, with: pkcs8.signingKey)
        #expect(try AlipaySignature.sign(content, with: pkcs1.signingKey) == signature)
        #expect(try AlipaySignature.sign(content, with: bare.signingKey) == signature)
        #expect(pkcs1.alipayKey.derRepresentation == pkcs8.alipayKey.derRepresentation)
        #expect(pkcs8.notificationWindow == 24 * 3600)
    }

    /// The detail of the error `make` throws, or nil.
    static func detail(_ make: () throws(DomainError) -> AlipayConfiguration) -> String? {
        do {
            _ = try make()
            return nil
        } catch {
            #expect(error.code == "payments.alipay-configuration")
            return error.detail
        }
    }

    @Test func mistakesAreExplainedInChinese() {
        let app = AlipayTestKeys.appPrivateKey
        let alipay = AlipayTestKeys.alipayPublicKey
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(appID: "20210000abc", privateKey: app, alipayPublicKey: alipay)
            }?.contains("APPID") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(
                    appID: "1", privateKey: app, alipayPublicKey: alipay, sellerID: "1088000000000001")
            }?.contains("2088") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(appID: "1", privateKey: "not a key", alipayPublicKey: alipay)
            }?.contains("应用私钥") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(
                    appID: "1", privateKey: app, alipayPublicKey: "-----BEGIN PUBLIC KEY-----\nAAAA")
            }?.contains("支付宝公钥") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(appID: "1", privateKey: app, alipayPublicKey: AlipayTestKeys.appPublicKey)
            }?.contains("填成了应用自己的公钥") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(
                    appID: "1", privateKey: app, alipayPublicKey: alipay,
                    gateway: URL(string: "http://openapi.alipay.com/gateway.do")!)
            }?.contains("HTTPS") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(
                    appID: "1", privateKey: app, alipayPublicKey: alipay,
                    notifyURL: URL(string: "https://zt.example.gov.cn/notify?order=1")!)
            }?.contains("不带查询参数") == true)
        #expect(
            Self.detail { () throws(DomainError) in
                try AlipayConfiguration(appID: "1", privateKey: app, alipayPublicKey: alipay, notificationWindow: 0)
            }?.contains("通知有效期") == true)
    }

    @Test func aLocalHTTPGatewayIsAllowed() throws {
        let configuration = try AlipayConfiguration(
            appID: "1", privateKey: AlipayTestKeys.appPrivateKey, alipayPublicKey: AlipayTestKeys.alipayPublicKey,
            gateway: URL(string: "http://127.0.0.1:8080/gateway.do")!)
        #expect(configuration.gateway.port == 8080)
    }
}
