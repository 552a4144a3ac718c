import AsyncHTTPClient
import Foundation
import Kernel
import Testing
import _CryptoExtras

@testable import PaymentChannels

/// Request signing and notification verification against vectors computed outside Swift
/// (see `WeChatPayVectors`), so the adapter and the simulator cannot share one mistake.
@Suite("WeChat Pay signatures")
struct WeChatPaySigningTests {
    static func configuration(merchantKey: String = WeChatPayTestKeys.merchantPKCS8) throws -> WeChatPayConfiguration {
        try WeChatPayConfiguration(
            baseURL: "https://api.mch.weixin.qq.com", appID: "wxd678efh567hg6787", merchantID: "1230000109",
            merchantSerialNumber: "3775B6A45ACD588826D15E583A95F5DD2A7C1F10",
            merchantPrivateKeyPEM: merchantKey, platformPublicKeyPEM: WeChatPayTestKeys.platformPublic,
            platformPublicKeyID: "PUB_KEY_ID_01142321349124100000000000000000", apiV3Key: WeChatPayVectors.apiV3Key)
    }

    static func authorization(_ configuration: WeChatPayConfiguration) throws -> String {
        let signer = WeChatPaySigner(
            merchantID: configuration.merchantID, serialNumber: configuration.merchantSerialNumber,
            key: configuration.merchantKey)
        return try signer.authorization(
            method: "POST", target: "/v3/pay/transactions/native", timestamp: WeChatPayVectors.requestTimestamp,
            nonce: WeChatPayVectors.requestNonce, body: Array(WeChatPayVectors.requestBody.utf8))
    }

    static func vectorHeaders() -> [String: String] {
        [
            "Wechatpay-Timestamp": WeChatPayVectors.notificationTimestamp,
            "Wechatpay-Nonce": WeChatPayVectors.notificationNonce,
            "Wechatpay-Signature": WeChatPayVectors.notificationSignature,
            "Wechatpay-Serial": "PUB_KEY_ID_01142321349124100000000000000000",
        ]
    }

    /// A channel whose clock stands `offset` seconds after the vector notification's timestamp.
    static func channel(offset: TimeInterval) throws -> WeChatPayChannel {
        let signed = Date(timeIntervalSince1970: 1_771_034_905)
        return WeChatPayChannel(
            configuration: try configuration(), httpClient: .shared,
            clock: FixedClock(signed.addingTimeInterval(offset)))
    }

    @Test("the Authorization header carries the signature Python and OpenSSL compute")
    func authorizationVector() throws {
        // Setup
        let configuration = try Self.configuration()

        // Act
        let header = try Self.authorization(configuration)

        // Verify
        #expect(
            header
                == #"WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="\#(WeChatPayVectors.requestSignature)",timestamp="1554208460",serial_no="3775B6A45ACD588826D15E583A95F5DD2A7C1F10""#
        )
    }

    @Test("a PKCS#1 merchant key signs exactly like its PKCS#8 form")
    func pkcs1Key() throws {
        // Setup
        let pkcs1 = try Self.configuration(merchantKey: WeChatPayTestKeys.merchantPKCS1)

        // Act
        let header = try Self.authorization(pkcs1)

        // Verify
        #expect(header.contains(#"signature="\#(WeChatPayVectors.requestSignature)""#))
    }

    @Test("the independent notification vector verifies, decrypts and reads")
    func notificationVector() throws {
        // Setup
        let channel = try Self.channel(offset: 10)
        let notification = ChannelNotification(
            headers: Self.vectorHeaders(), body: Data(WeChatPayVectors.notificationBody.utf8))

        // Act
        let notice = try channel.notice(from: notification)

        // Verify
        #expect(notice.outTradeNo == "13010520260214000017")
        #expect(notice.channelTradeNo == "4200000000202602140000000017")
        #expect(notice.state == .paid)
        #expect(notice.amount == Money(fen: 8000))
        #expect(notice.paidAt == Date(timeIntervalSince1970: 1_771_034_904))
        #expect(notice.notificationID == "EV-2026021410082400001")
    }

    @Test("a wrong serial, a changed nonce or a bad signature is refused")
    func vectorTampering() throws {
        // Setup
        let channel = try Self.channel(offset: 10)
        let body = Data(WeChatPayVectors.notificationBody.utf8)
        var wrongSerial = Self.vectorHeaders()
        wrongSerial["Wechatpay-Serial"] = "PUB_KEY_ID_09999999999999999999999999999999"
        var otherNonce = Self.vectorHeaders()
        otherNonce["Wechatpay-Nonce"] = "f0b4a8f0f1c94e0cbd4cdb3bd4b13c6e"
        var garbled = Self.vectorHeaders()
        garbled["Wechatpay-Signature"] = "not base64!"
        var missing = Self.vectorHeaders()
        missing["Wechatpay-Signature"] = nil

        // Act and verify
        for headers in [wrongSerial, otherNonce, garbled, missing] {
            #expect(throws: PaymentChannelError.badSignature) {
                try channel.notice(from: ChannelNotification(headers: headers, body: body))
            }
        }
    }

    @Test("the freshness window is five minutes either way")
    func freshness() throws {
        // Setup
        let notification = ChannelNotification(
            headers: Self.vectorHeaders(), body: Data(WeChatPayVectors.notificationBody.utf8))

        // Act and verify
        #expect(throws: Never.self) { try Self.channel(offset: 300).notice(from: notification) }
        #expect(throws: Never.self) { try Self.channel(offset: -300).notice(from: notification) }
        #expect(throws: PaymentChannelError.badSignature) { try Self.channel(offset: 301).notice(from: notification) }
        #expect(throws: PaymentChannelError.badSignature) { try Self.channel(offset: -301).notice(from: notification) }
    }

    @Test("API times are RFC 3339 in Beijing time, and both shapes parse back")
    func times() {
        // Setup: 1771034904 is 2026-02-14T02:08:24Z (Python: datetime.fromtimestamp(1771034904, timezone.utc)).
        let instant = Date(timeIntervalSince1970: 1_771_034_904)

        // Act and verify
        #expect(WeChatPayTime.rfc3339(instant) == "2026-02-14T10:08:24+08:00")
        #expect(WeChatPayTime.rfc3339(Date(timeIntervalSince1970: 1_771_084_799)) == "2026-02-14T23:59:59+08:00")
        #expect(WeChatPayTime.rfc3339(Date(timeIntervalSince1970: 1_771_084_800)) == "2026-02-15T00:00:00+08:00")
        #expect(WeChatPayTime.parseRFC3339("2026-02-14T10:08:24+08:00") == instant)
        #expect(WeChatPayTime.parseRFC3339("2026-02-14T02:08:24Z") == instant)
        #expect(WeChatPayTime.parseRFC3339("2026-02-13T21:08:24.250-05:00") == instant)
        #expect(WeChatPayTime.parseBillTime("2026-02-14 10:08:24") == instant)
        for bad in [
            "2026-02-30T10:08:24+08:00", "2026-02-14 10:08:24+08:00", "2026-02-14T10:08:24", "2026-02-14T24:00:00Z",
        ] {
            #expect(WeChatPayTime.parseRFC3339(bad) == nil)
        }
        #expect(WeChatPayTime.parseBillTime("2026-02-14T10:08:24") == nil)
    }

    @Test("error codes map to the neutral errors")
    func errorMapping() {
        // Setup
        func answer(_ status: Int, _ json: String) -> WeChatPayTransport.Answer {
            WeChatPayTransport.Answer(status: status, body: Array(json.utf8))
        }
        let duplicates: Set<String> = ["OUT_TRADE_NO_USED", "ORDER_PAID", "ORDERPAID"]

        // Act and verify
        #expect(
            WeChatPayTransport.failure(
                answer(403, #"{"code":"ORDER_PAID","message":"该订单已支付"}"#), duplicates: duplicates)
                == .alreadyExists)
        #expect(
            WeChatPayTransport.failure(answer(403, #"{"code":"ORDER_PAID","message":"该订单已支付"}"#))
                == .refused(code: "ORDER_PAID", message: "该订单已支付"))
        #expect(
            WeChatPayTransport.failure(answer(429, #"{"code":"FREQUENCY_LIMITED","message":"频率超限"}"#))
                == .unavailable("FREQUENCY_LIMITED 频率超限"))
        #expect(WeChatPayTransport.failure(answer(400, "<html>")) == .malformed("微信支付返回 HTTP 400，应答不是错误报文"))
    }
}
