import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Server
import Testing

/// Signing demo staff in through the real pages: password, then the TOTP code of their demo secret.
enum StaffLogin {
    /// The demo staff (docs/organisation.md): username → TOTP secret.
    static let secrets = [
        "review01": "REVIEWZTDEMO2345", "scj-admin": "SCJADMINZTDEMO23",
        "admin": "ADMINZTDEMO23456", "audit": "AUDITZTDEMO23456", "window01": "WINDOWZTDEMO2345",
        "rsj-admin": "RSJADMINZTDEMO23", "rsj-jy01": "RSJJYZTDEMO23456", "gaj-hz01": "GAJHZZTDEMO23456",
        "gaj-sl01": "GAJSLZTDEMO23456", "gaj-cw01": "GAJCWZTDEMO23456", "scj-sp01": "SCJSPAZTDEMO2345",
        "scj-sl01": "SCJSLZTDEMO23456", "scj-sp02": "SCJSPBZTDEMO2345", "zwj-jd01": "ZWJJDZTDEMO23456",
    ]

    /// Logs `username` in and returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        let first = try await IdentityPagesTests.post(
            client, "/staff/login", ["username": username, "password": OrganisationService.demoPassword])
        #expect(first.status == .ok, "password step for \(username)")
        let challenge = try #require(OIDCRoutesTests.hiddenFields(first.text)["challenge"])
        let text = try #require(secrets[username])
        let secret = try #require(Base32.decode(text))
        let code = TOTP(secret: secret).code(at: platform.clock.now())
        let second = try await IdentityPagesTests.post(
            client, "/staff/login/code", ["challenge": challenge, "code": code, "next": "/admin"])
        #expect(second.status == .seeOther, "code step for \(username): \(second.text.prefix(300))")
        let cookie = try #require(second.headers[values: .setCookie].first { $0.hasPrefix("zt_staff=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        return String(cookie.dropFirst("zt_staff=".count).prefix { $0 != ";" })
    }

    /// Headers of a request carrying the staff cookie (and the CSRF cookie, for forms).
    static func headers(_ staff: String, form: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [.cookie: "zt_csrf=\(TestServer.csrf); zt_staff=\(staff)"]
        if form { headers[.contentType] = "application/x-www-form-urlencoded" }
        return headers
    }
}
