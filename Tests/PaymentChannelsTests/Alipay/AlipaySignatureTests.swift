import AsyncHTTPClient
import Foundation
import Kernel
import Testing

@testable import PaymentChannels

/// Alipay's RSA2 rules checked against an independent implementation.
///
/// The vectors were computed outside Swift with Python 3 and `cryptography` 48 (PKCS1v15, SHA256)
/// over the test keys in `AlipayTestKeys`; the request signature was also reproduced with
/// `printf '%s' "$CONTENT" | openssl dgst -sha256 -sign app.pem | base64 -w0` (OpenSSL 3.0.19).
/// The signing text was joined in Python as `"&".join(f"{k}={v}" for k in sorted(p) if p[k])`,
/// and `biz_content` written with `json.dumps(…, ensure_ascii=False, separators=(",", ":"), sort_keys=True)`.
@Suite struct AlipaySignatureTests {
    static let requestContent =
        "app_id=2021000000000001&biz_content={\"out_trade_no\":\"13010026000000000017\","
        + "\"product_code\":\"FACE_TO_FACE_PAYMENT\",\"subject\":\"不动产登记费\",\"time_expire\":\"2026-03-04 12:00:00\","
        + "\"total_amount\":\"88.88\"}&charset=utf-8&format=JSON&method=alipay.trade.precreate"
        + "&notify_url=https://zt.example.gov.cn/alipay/notify&sign_type=RSA2&timestamp=2026-03-04 10:00:00&version=1.0"

    static let requestSign =
        "PDa+pZDtdYzhKjASr8E974Q++NAi+5OPGrHoi6GjFWYusQAXqhxrQ+bKXHZ03mYy8uwumlKg3zNmuYL1eA2GYFTPMJ0uVX1nod7veNcsVr0V"
        + "lz0cu/mUS5nXsfYFhJJSIAmSIxcc+eQK1Rxu+0smM0gt0wh4vmxuuwSLaW7HRjTXJ1FDyY8/HdoHW1eqaMt13iAWHpBBPR4x/d1jCV7OD/u"
        + "ettRsGzT/aPdzGF3ej6OH5cXBQ+3/RnFHV3aVrq4ox9B45UWBZnqJo468bnP49wirZTcsuEG3KxMo6M8ZnOQccnjq1UlH5fLORMI3wT2cUSo+"
        + "39brSTYveMAQdX5wOQ=="

    @Test func requestSignatureMatchesPython() throws {
        // Setup: the gateway's own clock at 2026-03-04 10:00:00 in Beijing, the moment of the vector.
        let clock = FixedClock(AlipayFixture.start)
        let gateway = AlipayGateway(
            configuration: try AlipayFixture.configuration(gateway: AlipayConfiguration.productionGateway),
            client: .shared, clock: clock)
        let biz = [
            "out_trade_no": "13010026000000000017", "product_code": "FACE_TO_FACE_PAYMENT", "subject": "不动产登记费",
            "time_expire": "2026-03-04 12:00:00", "total_amount": "88.88",
        ]

        // Act: the whole form as it would be posted, read back.
        let form = try gateway.form(
            "alipay.trade.precreate", biz: biz, notifyURL: "https://zt.example.gov.cn/alipay/notify")
        var fields = Dictionary(
            uniqueKeysWithValues: try FormURLEncoding.decode(Array(form.utf8)).map { ($0.name, $0.value) })

        // Verify: the signature is Python's, and the signing text (sign removed) is Python's too.
        #expect(fields.removeValue(forKey: "sign") == Self.requestSign)
        #expect(AlipaySignature.requestContent(fields) == Self.requestContent)
    }

    @Test func requestContentLeavesOutSignAndEmptyValues() {
        let content = AlipaySignature.requestContent(["b": "2", "sign": "x", "app_auth_token": "", "a": "1 & 2"])
        #expect(content == "a=1 & 2&b=2")
    }

    /// A notification body posted by Python's `urllib.parse.urlencode` (spaces as `+`), signed
    /// with the simulator's Alipay key over all fields but `sign` and `sign_type`, the empty
    /// `passback_params` included.
    static let pythonNotification =
        "notify_time=2026-03-04+10%3A05%3A00&notify_type=trade_status_sync&notify_id=2026030400222100500012345678"
        + "&charset=utf-8&version=1.0&app_id=2021000000000001&auth_app_id=2021000000000001&seller_id=2088000000000001"
        + "&out_trade_no=13010026000000000017&trade_no=2026030422001400001234567890&trade_status=TRADE_SUCCESS"
        + "&total_amount=88.88&receipt_amount=88.88"
        + "&subject=%E4%B8%8D%E5%8A%A8%E4%BA%A7%E7%99%BB%E8%AE%B0%E8%B4%B9+%E7%AC%AC1%E7%AC%94"
        + "&gmt_create=2026-03-04+10%3A01%3A00&gmt_payment=2026-03-04+10%3A04%3A59&buyer_logon_id=138%2A%2A%2A%2A%2A%2A00"
        + "&fund_bill_list=%5B%7B%22amount%22%3A%2288.88%22%2C%22fundChannel%22%3A%22ALIPAYACCOUNT%22%7D%5D"
        + "&passback_params=&sign_type=RSA2"
        + "&sign=C4dcjLSVakZ2kLg23pk8oEDsT1QWDqDzIqtGcYYiiHv2aIW4F4cfZi87WJKrFZ9K45zeSz7lTdvI96ntnuUr%2FMPRj8ryXLlikiDHJ"
        + "ugKCXI%2BXJG5zTOS%2FHwQxGwE09ymNRsuiJx6NLOkBMlI9fr6CWhtNTXL6kTEAWYnTti9C1gllyUar5uJR7uq0LiEAhmSF%2B%2B%2FJFT9K"
        + "K5eda1po%2BxtwisviWuHW7EntmtYK4WEmT7nP0z7YkJfvxk9OQVUWpBLZPjFxvFgamIo2YEykwY01NIU1wsuJeJ1gnwMwp3dXYbq8Nl9OOb3x"
        + "VVGo0JLnPDNKJN%2BhgA4p5WQ2%2BdRRaFMJg%3D%3D"

    @Test func notificationSignedByPythonIsAccepted() throws {
        // Setup: our clock a minute after the notification was sent.
        let clock = FixedClock(AlipayFixture.start.addingTimeInterval(6 * 60))
        let channel = AlipayChannel(
            configuration: try AlipayFixture.configuration(gateway: AlipayConfiguration.productionGateway),
            httpClient: .shared, clock: clock)

        // Act
        let notice = try channel.notice(
            from: ChannelNotification(headers: [:], body: Data(Self.pythonNotification.utf8)))

        // Verify
        #expect(notice.outTradeNo == "13010026000000000017")
        #expect(notice.channelTradeNo == "2026030422001400001234567890")
        #expect(notice.state == .paid)
        #expect(notice.amount == Money(fen: 8888))
        #expect(notice.paidAt == AlipayFixture.start.addingTimeInterval(4 * 60 + 59))
        #expect(notice.notificationID == "2026030400222100500012345678")
    }

    /// A response object as Alipay writes it, slashes escaped as `\/`, and its signature by the
    /// simulator's Alipay key, computed in Python over exactly these bytes.
    static let responseObject =
        #"{"code":"10000","msg":"Success","out_trade_no":"13010026000000000017","qr_code":"https:\/\/qr.alipay.com\/bax03431ljhokirwl38f00a7"}"#
    static let responseSign =
        "SCFk9UWBNXj+g820onzVREdisNX8T3BCvEPB8tzm7I779d6TsHVqBtkTdg5c//aSgElMkMPrNDKzaPoxTX0FKdhxjqWPGr6k+fMUYV3ze559"
        + "2pchLfG6pZMkiVN+pdzVTg5CqTjTJ9EMmZsgDMnw+XMhhOG66tBkHw5LB1IAolmhgNQhcsIllvrgILVopUMyo5Uo2izkjXs7RL0CS7mvZBGH"
        + "zWNkgHKGLdb5G4tu8cYJGeBfSqQRrYEQfW5QZsuh7SCRLCjhxnFL+/3UV7cZx8n3X7HBJ1DdV3FtBM2S6EKURLkvz0aX7IgedR4dcCGCU1sB"
        + "kuZUh70SLLQJX68mug=="

    @Test func responseSignatureCoversTheObjectTextAsSent() throws {
        // Setup: the body with whitespace between top-level members (outside the signed text) and `\/` in sign.
        let configuration = try AlipayFixture.configuration(gateway: AlipayConfiguration.productionGateway)
        let escapedSign = Self.responseSign.replacingOccurrences(of: "/", with: "\\/")
        let body = "{ \"alipay_trade_precreate_response\" : \(Self.responseObject) ,\n \"sign\":\"\(escapedSign)\" }"

        // Act
        let envelope = try AlipayResponseEnvelope(body: Data(body.utf8), method: "alipay.trade.precreate")
        let reply = try AlipayReply(content: envelope.content)

        // Verify: the exact object bytes verify; a re-serialised copy (slashes unescaped) does not.
        #expect(String(decoding: envelope.content, as: UTF8.self) == Self.responseObject)
        #expect(AlipaySignature.isValid(envelope.sign ?? "", of: envelope.content, with: configuration.alipayKey))
        let reserialised = Data(Self.responseObject.replacingOccurrences(of: "\\/", with: "/").utf8)
        #expect(!AlipaySignature.isValid(envelope.sign ?? "", of: reserialised, with: configuration.alipayKey))
        #expect(reply.fields["qr_code"] == "https://qr.alipay.com/bax03431ljhokirwl38f00a7")
    }

    @Test(arguments: [
        "", "[]", "{\"alipay_trade_query_response\":{}}", "{\"alipay_trade_precreate_response\":\"x\",\"sign\":\"s\"}",
        "{\"alipay_trade_precreate_response\":{\"a\":[1,2}", "{\"alipay_trade_precreate_response\":{},\"sign\":1}",
        "{\"alipay_trade_precreate_response\":{},\"alipay_trade_precreate_response\":{}}",
    ])
    func brokenEnvelopesAreMalformed(_ body: String) {
        #expect(throws: PaymentChannelError.self) {
            try AlipayResponseEnvelope(body: Data(body.utf8), method: "alipay.trade.precreate")
        }
    }

    @Test func deeplyNestedResponseDoesNotRecurse() throws {
        // A hostile body nested a hundred thousand levels deep is skipped by counting, not recursion.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let body = "{\"other\":\(deep),\"alipay_trade_query_response\":{\"code\":\"10000\"},\"sign\":\"x\"}"
        let envelope = try AlipayResponseEnvelope(body: Data(body.utf8), method: "alipay.trade.query")
        #expect(String(decoding: envelope.content, as: UTF8.self) == "{\"code\":\"10000\"}")
    }
}
