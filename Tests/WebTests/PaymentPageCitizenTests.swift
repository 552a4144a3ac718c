import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// The payer's payment pages over HTTP against the real application: paying by payment code
/// without logging in, the demo payer page, the e-receipt and its verifier, and 我的缴费.
///
/// The order comes the way it does in production: the demo citizen applies for 居民身份证换领
/// (20元, process id-card-renewal), the police bureau's clerk accepts it, the case reaches its
/// payment step and the payments subscriber issues the order when the outbox is delivered.
@Suite("Payment pages: payer")
struct PaymentPageCitizenTests {
    typealias API = CaseAPITests

    static let idCardRenewal = "1113010000001358X0306111000200001"
    /// Well formed, check digit by ISO 7064 MOD 11,10 computed apart in Python, and never issued.
    static let unknownCode = "13010026101234567895"

    /// Signs a demo staff member in through the real login pages; returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        try await StaffLogin.signIn(client, platform, as: username)
    }

    /// The demo citizen's ID-card renewal, submitted and accepted, with the order its payment step
    /// issued; returns the citizen's session, the case id, the payment code and the accepting
    /// clerk's staff cookie (a TOTP code signs in once, so tests reuse it).
    static func orderedCase(_ client: any TestClientProtocol, _ platform: Platform) async throws
        -> (session: String, caseID: String, code: String, clerk: String)
    {
        let session = try await IdentityPagesTests.signIn(client)
        let created = try await API.call(
            client, .post, "/api/v1/cases", as: .person(session),
            json: #"{"itemCode":"\#(idCardRenewal)","form":{"applicantName":"张三","contactPhone":"13800000000"}}"#)
        #expect(created.status == .created, "\(created.text.prefix(300))")
        let caseID = try #require(try created.object()["id"] as? String)
        for material in ["M02", "M03"] {
            let upload = try await API.call(
                client, .post, "/api/v1/cases/\(caseID)/materials?materialCode=\(material)&fileName=\(material).pdf",
                as: .person(session), bytes: API.pdf, type: "application/pdf")
            #expect(upload.status == .created, "\(upload.text.prefix(300))")
        }
        let submitted = try await API.call(client, .post, "/api/v1/cases/\(caseID)/submit", as: .person(session))
        #expect(submitted.status == .ok, "\(submitted.text.prefix(300))")
        let clerk = try await signIn(client, platform, as: "gaj-sl01")
        let accepted = try await API.call(client, .post, "/api/v1/staff/cases/\(caseID)/accept", as: .staff(clerk))
        #expect(accepted.status == .ok, "\(accepted.text.prefix(300))")
        // The order is issued by the outbox subscriber, in the background.
        let code = try await Polling.until {
            let page = try await IdentityPagesTests.get(client, "/me/payments", session: session)
            return match(page.text, #"/pay/([0-9]{20})""#)
        }
        return (session, caseID, try #require(code, "no order issued for the accepted case"), clerk)
    }

    /// Chooses `channel` on the order page of `code`, as the payer's button does.
    static func checkout(_ client: any TestClientProtocol, _ code: String, channel: String = "sandbox") async throws
        -> TestResponse
    {
        try await IdentityPagesTests.post(client, "/pay/\(code)/checkout", ["channel": channel])
    }

    /// Pays `code` through the sandbox: checkout, then 确认支付 on the demo payer page (its form post).
    static func paySandbox(_ client: any TestClientProtocol, _ code: String) async throws -> TestResponse {
        let chosen = try await checkout(client, code)
        #expect(chosen.status == .seeOther, "\(chosen.text.prefix(300))")
        return try await IdentityPagesTests.post(client, "/payments/sandbox/\(code)/pay")
    }

    /// The first capture of `pattern` in `text`.
    static func match(_ text: String, _ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(found.range(at: found.numberOfRanges > 1 ? 1 : 0), in: text)
        else { return nil }
        return String(text[range])
    }

    /// The modules of the first QR drawn in `html` (the `d` of its path).
    static func qrModules(_ html: String) -> String? {
        match(html, #"<svg [^>]*shape-rendering="crispEdges"><rect [^>]*/><path d="([^"]+)""#)
    }

    /// The modules of `text` encoded as the pages encode it (level M).
    static func expectedModules(_ text: String) throws -> String? {
        qrModules(try QRCode(text: text, level: .medium).svg(label: "x"))
    }

    @Test("a malformed or unknown payment code is answered on the form in Chinese, never a 500")
    func malformedCode() async throws {
        try await TestServer.run { client, _ in
            // Act
            let form = try await IdentityPagesTests.get(client, "/pay")
            let short = try await IdentityPagesTests.get(client, "/pay?code=1234")
            let letters = try await IdentityPagesTests.get(client, "/pay/abc%3Cscript%3E")
            let unknown = try await IdentityPagesTests.get(client, "/pay/\(Self.unknownCode)")
            let grouped = try await IdentityPagesTests.get(client, "/pay?code=1301+0026+1012+3456+7895")

            // Verify
            #expect(form.status == .ok && form.text.contains("name=\"code\""))
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("缴款码有误") && short.text.contains("20位数字"))
            #expect(short.text.contains("value=\"1234\""), "what was typed is kept")
            #expect(letters.status == .unprocessableContent && letters.text.contains("缴款码有误"))
            #expect(!letters.text.contains("<script>"), "the typed text is escaped")
            #expect(unknown.status == .notFound && unknown.text.contains("缴款单不存在"))
            #expect(grouped.status == .seeOther && grouped.headers[.location] == "/pay/\(Self.unknownCode)")
        }
    }

    @Test("the order page lists fee lines and channels; checkout shows the sandbox QR; paying gives a receipt")
    func payBySandbox() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, caseID, code, _) = try await Self.orderedCase(client, platform)
            var wrongCheck = Array(code)
            wrongCheck[19] = wrongCheck[19] == "0" ? "1" : "0"

            // Act: the order, a mistyped code, the case page before paying.
            let order = try await IdentityPagesTests.get(client, "/pay/\(code)")
            let mistyped = try await IdentityPagesTests.get(client, "/pay/\(String(wrongCheck))")
            let caseBefore = try await IdentityPagesTests.get(client, "/me/cases/\(caseID)", session: session)
            // Act: choose the sandbox, open its payer page, pay there.
            let chosen = try await Self.checkout(client, code)
            let scan = try await IdentityPagesTests.get(client, "/pay/\(code)/scan?channel=sandbox")
            let payer = try await IdentityPagesTests.get(client, "/payments/sandbox/\(code)")
            let paid = try await IdentityPagesTests.post(client, "/payments/sandbox/\(code)/pay")
            let scanAfter = try await IdentityPagesTests.get(client, "/pay/\(code)/scan?channel=sandbox")
            let orderAfter = try await IdentityPagesTests.get(client, "/pay/\(code)")

            // Verify: the order page.
            #expect(order.status == .ok)
            #expect(order.text.contains("居民身份证换领") && order.text.contains("居民身份证工本费"))
            #expect(order.text.contains("20.00元") && order.text.contains("待缴费"))
            #expect(order.text.contains("市公安局"))
            #expect(order.text.contains("张*") && !order.text.contains("张三"), "the payer is masked")
            #expect(order.text.contains("name=\"channel\" value=\"sandbox\"") && order.text.contains("演示支付"))
            #expect(mistyped.status == .unprocessableContent && mistyped.text.contains("校验位"))
            #expect(
                caseBefore.text.contains("id=\"payments-title\"") && caseBefore.text.contains("href=\"/pay/\(code)\""))
            // Verify: the QR holds the sandbox payer page of this order.
            #expect(chosen.status == .seeOther && chosen.headers[.location] == "/pay/\(code)/scan?channel=sandbox")
            let link = try #require(Self.match(scan.text, #"<a href="([^"]+)">手机不便扫码"#))
            #expect(link.hasPrefix("http") && link.hasSuffix("/payments/sandbox/\(code)"))
            let drawn = try #require(Self.qrModules(scan.text))
            #expect(drawn == (try Self.expectedModules(link)))
            #expect(scan.text.contains("aria-label=\"演示支付收款二维码，金额20.00元"))
            #expect(scan.text.contains("data-pay-poll=\"/api/v1/payments/orders/\(code)\""))
            #expect(payer.status == .ok && payer.text.contains("演示支付（非真实扣款）"))
            #expect(payer.text.contains("20.00元") && payer.text.contains("确认支付"))
            #expect(payer.text.contains("data-sandbox-pay=\"/api/v1/payments/sandbox/\(code)/pay\""))
            #expect(paid.status == .ok && paid.text.contains("支付成功"))
            #expect(scanAfter.text.contains("缴费成功") && scanAfter.text.contains("/pay/\(code)/receipt"))
            #expect(orderAfter.text.contains("已缴费") && !orderAfter.text.contains("/checkout"))
        }
    }

    @Test("the receipt shows its numbers and a ZTR1: QR; the verifier says 有效, and rejects a tampered code")
    func receiptAndVerifier() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, caseID, code, _) = try await Self.orderedCase(client, platform)
            _ = try await Self.paySandbox(client, code)

            // Act
            let receipt = try await IdentityPagesTests.get(client, "/pay/\(code)/receipt")
            let signed = try #require(Self.match(receipt.text, #"核验码：<code>(ZTR1:[^<]+)</code>"#))
            let form = try await IdentityPagesTests.get(client, "/payments/receipts/verify")
            let good = try await IdentityPagesTests.post(client, "/payments/receipts/verify", ["code": signed])
            let tampered = try await IdentityPagesTests.post(
                client, "/payments/receipts/verify", ["code": LicenseAPITests.tampered(signed)])
            let junk = try await IdentityPagesTests.post(client, "/payments/receipts/verify", ["code": "ZT1:ABC"])
            // The case moves on once paid, in the background.
            let caseAfter = try await Polling.until {
                let page = try await IdentityPagesTests.get(client, "/me/cases/\(caseID)", session: session)
                return page.text.contains("已缴费") ? page : nil
            }

            // Verify: the receipt.
            #expect(receipt.status == .ok)
            #expect(receipt.text.contains("票据代码") && receipt.text.contains("票据号码"))
            let number = try #require(Self.match(receipt.text, #"票据号码：<strong>([0-9]{10})</strong>"#))
            #expect(receipt.text.contains("居民身份证工本费") && receipt.text.contains("20.00元"))
            #expect(receipt.text.contains("市公安局") && receipt.text.contains("演示支付"))
            #expect(receipt.text.contains("张*") && !receipt.text.contains("张三"))
            #expect(receipt.text.contains("data-print") && receipt.text.contains("/static/css/payment.css"))
            #expect(Self.qrModules(receipt.text) == (try Self.expectedModules(signed)))
            // Verify: the verifier.
            #expect(form.status == .ok && form.text.contains("name=\"code\""))
            #expect(good.status == .ok && good.text.contains("票据有效") && good.text.contains("签名有效"))
            #expect(good.text.contains(number) && good.text.contains("已核对平台开票记录"))
            #expect(tampered.status == .ok && tampered.text.contains("核验未通过"))
            #expect(!tampered.text.contains("票据有效") && !tampered.text.contains(number))
            #expect(junk.text.contains("核验未通过") && junk.text.contains("ZTR1:"))
            // Verify: the case page's 缴费 section, with no pay link any more.
            let page = try #require(caseAfter)
            #expect(
                page.text.contains(PaymentPageTestText.grouped(code)) && !page.text.contains("href=\"/pay/\(code)\""))
        }
    }

    @Test("我的缴费 lists the demo citizen's order and its page, to nobody else")
    func mine() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, _, code, _) = try await Self.orderedCase(client, platform)
            let other = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li))

            // Act
            let list = try await IdentityPagesTests.get(client, "/me/payments", session: session)
            let link = try #require(Self.match(list.text, #"href="(/me/payments/[0-9A-F-]{36})""#))
            let page = try await IdentityPagesTests.get(client, link, session: session)
            let othersList = try await IdentityPagesTests.get(client, "/me/payments", session: other)
            let othersView = try await IdentityPagesTests.get(client, link, session: other)
            let anonymous = try await IdentityPagesTests.get(client, "/me/payments")

            // Verify
            #expect(list.status == .ok && list.text.contains("居民身份证换领"))
            #expect(list.text.contains(PaymentPageTestText.grouped(code)) && list.text.contains("去缴费"))
            #expect(page.status == .ok && page.text.contains("居民身份证工本费") && page.text.contains("20.00元"))
            #expect(page.text.contains("href=\"/pay/\(code)\"") && page.text.contains("/me/cases/"))
            #expect(!othersList.text.contains(code) && othersList.text.contains("您还没有缴款单"))
            #expect(othersView.status == .notFound)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }

    @Test("the demo payer page of an unknown trade is 404, in Chinese")
    func unknownSandboxTrade() async throws {
        try await TestServer.run { client, _ in
            // Act
            let page = try await IdentityPagesTests.get(client, "/payments/sandbox/\(Self.unknownCode)")

            // Verify
            #expect(page.status == .notFound && page.text.contains("交易不存在"))
        }
    }
}

/// Payment codes as the pages print them.
enum PaymentPageTestText {
    /// `code` in groups of four, as notices print it.
    static func grouped(_ code: String) -> String {
        stride(from: 0, to: code.count, by: 4).map { start in
            String(code.dropFirst(start).prefix(4))
        }.joined(separator: " ")
    }
}
