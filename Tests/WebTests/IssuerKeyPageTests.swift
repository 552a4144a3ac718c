import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// 发证机关与签名密钥: the department administrator rotates the department's key; an approver may not.
@Suite("Issuer key page")
struct IssuerKeyPageTests {

    /// A staff page request or form post with the `zt_staff` cookie.
    static func request(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, staff: String,
        form: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.cookie: "zt_csrf=\(TestServer.csrf); zt_staff=\(staff)"]
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: form.map { ByteBuffer(string: $0) })
    }

    /// Signs `username` in with password and TOTP; returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        try await CaseAPIStaffTests.signIn(client, platform, as: username)
    }

    @Test("the department administrator rotates a key: the old one stays published, retired; an approver is refused")
    func rotate() async throws {
        try await CaseAPITests.run { client, platform in
            // Setup: the demo business license made the market regulator's first SM2 key.
            let admin = try await Self.signIn(client, platform, as: "scj-admin")
            let approver = try await Self.signIn(client, platform, as: "scj-sp01")
            let issuer = try #require(try await platform.licenses.issuers().first { $0.name == "市市场监督管理局" })
            let before = try await platform.licenses.publishedKeys().filter { $0.issuer == issuer.creditCode }
            let form = "_csrf=\(TestServer.csrf)&department=\(issuer.departmentID.uuidString)&algorithm=SM2"

            // Act
            let page = try await Self.request(client, .get, "/staff/license-keys", staff: admin)
            let refused = try await Self.request(
                client, .post, "/staff/license-keys/rotate", staff: approver, form: form)
            let rotated = try await Self.request(client, .post, "/staff/license-keys/rotate", staff: admin, form: form)
            let after = try await platform.licenses.publishedKeys().filter { $0.issuer == issuer.creditCode }

            // Verify
            #expect(page.status == .ok)
            #expect(page.text.contains(issuer.creditCode))
            #expect(before.count == 1)
            let firstKid = try #require(before.first?.jwk.kid)
            #expect(page.text.contains(firstKid))
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("管理证照签名密钥"))
            #expect(rotated.status == .seeOther || rotated.status == .found)
            #expect(after.count == 2)
            #expect(after.first { $0.jwk.kid == before.first?.jwk.kid }?.retiredAt != nil)
            #expect(after.filter { $0.retiredAt == nil }.count == 1)
        }
    }
}
