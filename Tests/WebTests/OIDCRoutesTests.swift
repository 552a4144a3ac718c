import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The OIDC provider over HTTP: discovery, key sets, the browser flow through real pages, and the
/// token endpoint's OAuth error format. The full relying-party proof is Tests/e2e/test_oidc.py.
@Suite("OIDC routes")
struct OIDCRoutesTests {
    static let redirect = "https://app.example.gov.cn/callback"
    static let verifier = String(repeating: "v", count: 43)
    static let challenge = "7w_YNF9DSfIdPf_pRjSq646_kPr-2-o9NAl16JGghdM"

    /// Registers a confidential client through the admin API and returns (id, secret).
    static func registerClient(_ client: any TestClientProtocol) async throws -> (String, String) {
        let body = #"""
            {"name":"测试应用","kind":"confidential","redirectURIs":["\#(redirect)"],"postLogoutRedirectURIs":[],
             "scopes":["openid","profile","realname"],"grantTypes":["authorization_code","refresh_token"]}
            """#
        let response = try await client.execute(
            uri: "/api/v1/admin/oidc/clients", method: .post, headers: TestServer.operatorJSONHeaders,
            body: ByteBuffer(string: body))
        #expect(response.status == .created)
        let object = try response.object()
        let registered = try #require(object["client"] as? [String: Any])
        return (try #require(registered["id"] as? String), try #require(object["secret"] as? String))
    }

    static func authorizePath(_ clientID: String, extra: String = "") -> String {
        "/oidc/authorize?response_type=code&client_id=\(clientID)&redirect_uri=\(redirect.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            + "&scope=openid+profile&state=xyz&code_challenge=\(challenge)&code_challenge_method=S256" + extra
    }

    @Test("discovery names this server as issuer and every endpoint under it")
    func discovery() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/.well-known/openid-configuration", method: .get)
            let document = try response.object()
            let issuer = try #require(document["issuer"] as? String)
            #expect(issuer.hasPrefix("http://127.0.0.1:"))
            #expect(document["token_endpoint"] as? String == issuer + "/oidc/token")
            #expect(document["code_challenge_methods_supported"] as? [String] == ["S256"])
            #expect(document["subject_types_supported"] as? [String] == ["pairwise"])
            #expect(document["id_token_signing_alg_values_supported"] as? [String] == ["ES256", "SM2"])
        }
    }

    @Test("the standard key set holds P-256 keys only; SM2 keys are published apart")
    func keySets() async throws {
        try await TestServer.run { client, _ in
            let standard =
                try await client.execute(uri: "/oidc/jwks", method: .get).object()["keys"] as? [[String: Any]]
            let sm2 = try await client.execute(uri: "/oidc/jwks/sm2", method: .get).object()["keys"] as? [[String: Any]]
            #expect(standard?.map { $0["crv"] as? String } == ["P-256"])
            #expect(sm2?.map { $0["crv"] as? String } == ["SM2"])
            #expect(standard?.first?["d"] == nil, "no private part")
        }
    }

    @Test("login, consent, code, token: the browser flow through the real pages")
    func browserFlow() async throws {
        try await TestServer.run { client, _ in
            // setup
            let (id, secret) = try await Self.registerClient(client)
            let anonymous = try await client.execute(uri: Self.authorizePath(id), method: .get)
            let session = try await IdentityPagesTests.signIn(client)
            // act
            let consent = try await IdentityPagesTests.get(client, Self.authorizePath(id), session: session)
            var fields = Self.hiddenFields(consent.text)
            fields.removeValue(forKey: "_csrf")
            fields["decision"] = "allow"
            let approved = try await IdentityPagesTests.post(client, "/oidc/authorize", fields, session: session)
            let location = try #require(approved.headers[.location])
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            let basic = Data("\(id):\(secret)".utf8).base64EncodedString()
            let token = try await client.execute(
                uri: "/oidc/token", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Basic \(basic)"],
                body: ByteBuffer(
                    string: "grant_type=authorization_code&code=\(code)&code_verifier=\(Self.verifier)&redirect_uri="
                        + Self.redirect.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
            let accessToken = try #require(try token.object()["access_token"] as? String)
            let meAPI = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(accessToken)"])
            let anonymousMe = try await client.execute(uri: "/api/v1/me", method: .get)
            let second = try await IdentityPagesTests.get(client, Self.authorizePath(id), session: session)
            let me = try await IdentityPagesTests.get(client, "/me", session: session)
            // verify
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location]?.hasPrefix("/login?next=%2Foidc%2Fauthorize%3F") == true)
            #expect(consent.text.contains("授权确认") && consent.text.contains("测试应用") && consent.text.contains("您的姓名"))
            #expect(approved.status == .seeOther)
            #expect(location.hasPrefix(Self.redirect + "?code="))
            #expect(location.contains("state=xyz"))
            #expect(token.status == .ok)
            #expect(token.headers[.cacheControl] == "no-store")
            #expect(try token.object()["id_token"] is String)
            #expect(try meAPI.object()["phoneMasked"] as? String == "138****0000")
            #expect(
                anonymousMe.status == .unauthorized
                    && anonymousMe.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(second.status == .found, "consent is remembered")
            #expect(me.text.contains("我授权的应用") && me.text.contains("测试应用"))
        }
    }

    @Test("a person below the requested level gets the step-up page; denying returns the OIDC error")
    func stepUp() async throws {
        try await TestServer.run { client, _ in
            let (id, _) = try await Self.registerClient(client)
            let session = try await IdentityPagesTests.signIn(client)

            let page = try await IdentityPagesTests.get(
                client, Self.authorizePath(id, extra: "&acr_values=L3"), session: session)
            var fields = Self.hiddenFields(page.text)
            fields.removeValue(forKey: "_csrf")
            fields.removeValue(forKey: "next")
            fields["decision"] = "deny"
            let denied = try await IdentityPagesTests.post(client, "/oidc/authorize", fields, session: session)

            #expect(page.status == .forbidden)
            #expect(page.text.contains("需要提升实名等级") && page.text.contains("L3 人脸核验"))
            #expect(denied.headers[.location]?.contains("error=unmet_authentication_requirements") == true)
        }
    }

    @Test("the token endpoint answers in the OAuth error format, without a CSRF token")
    func tokenErrors() async throws {
        try await TestServer.run { client, _ in
            let (id, _) = try await Self.registerClient(client)
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            var basic = form
            basic[.authorization] = "Basic " + Data("\(id):nope".utf8).base64EncodedString()
            let wrongSecret = try await client.execute(
                uri: "/oidc/token", method: .post, headers: basic,
                body: ByteBuffer(string: "grant_type=client_credentials"))
            let noGrant = try await client.execute(
                uri: "/oidc/token", method: .post, headers: form,
                body: ByteBuffer(string: "client_id=\(id)&client_id=\(id)"))
            let json = try await client.execute(
                uri: "/oidc/token", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{}"))
            let userinfo = try await client.execute(
                uri: "/oidc/userinfo", method: .get, headers: [.authorization: "Bearer nope"])

            #expect(wrongSecret.status == .unauthorized)
            #expect(try wrongSecret.object()["error"] as? String == "invalid_client")
            #expect(wrongSecret.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            #expect(noGrant.status == .badRequest)
            #expect(try noGrant.object()["error"] as? String == "invalid_request")
            #expect(json.status == .badRequest)
            #expect(userinfo.status == .unauthorized)
            #expect(userinfo.headers[.wwwAuthenticate] == #"Bearer realm="zhengtong", error="invalid_token""#)
        }
    }

    @Test("the consent form still needs its CSRF token")
    func consentNeedsCSRF() async throws {
        try await TestServer.run { client, _ in
            let (id, _) = try await Self.registerClient(client)
            let session = try await IdentityPagesTests.signIn(client)
            let response = try await IdentityPagesTests.post(
                client, "/oidc/authorize", ["client_id": id, "decision": "allow"], session: session, csrf: false)
            #expect(response.status == .forbidden)
        }
    }

    @Test("operators register clients on the admin page; the secret is shown once")
    func adminPage() async throws {
        try await TestServer.run { client, _ in
            var headers = TestServer.formHeaders
            headers[.authorization] = "Bearer \(TestServer.operatorToken)"
            let body = IdentityPagesTests.form([
                "name": "人社局系统", "kind": "confidential", "redirectURIs": "https://hr.example.gov.cn/cb",
                "scopes": "openid profile", "algorithm": "SM2",
            ])
            let created = try await client.execute(
                uri: "/admin/oidc/clients", method: .post, headers: headers, body: body)
            let list = try await client.execute(
                uri: "/admin/oidc/clients", method: .get, headers: TestServer.operatorHeaders)
            let anonymous = try await client.execute(uri: "/admin/oidc/clients", method: .get)

            #expect(created.status == .created)
            #expect(created.text.contains("client_secret（只显示这一次"))
            #expect(list.text.contains("人社局系统") && list.text.contains("SM2") && list.text.contains("政通演示小程序"))
            #expect(!list.text.contains("client_secret（只显示这一次"))
            #expect(anonymous.status == .unauthorized)
        }
    }

    /// The hidden inputs of a page's forms.
    static func hiddenFields(_ html: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"<input type="hidden" name="([^"]+)" value="([^"]*)">"#)
        var fields: [String: String] = [:]
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let value = String(html[Range(match.range(at: 2), in: html)!])
            fields[name] = Self.unescape(value)
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
