import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 扫码登录 across two devices through the real pages: the computer and the signed-in phone.
@Suite("Scan-to-login pages")
struct ScanLoginPagesTests {
    @Test("QR on the computer, confirmation on the phone, session on the computer")
    func flow() async throws {
        try await TestServer.run { client, _ in
            // setup: the computer asks for a QR code; the phone is signed in
            let shown = try await IdentityPagesTests.post(client, "/login/scan")
            let scanCookie = try #require(
                shown.headers[values: .setCookie].first { $0.hasPrefix("zt_scan=") }?.split(separator: ";").first)
            let link = try #require(
                shown.text.range(of: #"/login/scan/c/[A-Za-z0-9_-]+"#, options: .regularExpression)
                    .map { String(shown.text[$0]) })
            let phone = try await IdentityPagesTests.signIn(client)
            let computer: HTTPFields = [.cookie: "zt_csrf=\(TestServer.csrf); \(scanCookie)"]
            // act
            let pending = try await client.execute(uri: "/login/scan/status", method: .get, headers: computer)
            let confirmPage = try await IdentityPagesTests.get(client, link, session: phone)
            let answered = try await IdentityPagesTests.post(client, link, ["decision": "confirm"], session: phone)
            let confirmed = try await client.execute(uri: "/login/scan/status", method: .get, headers: computer)
            var form = computer
            form[.contentType] = "application/x-www-form-urlencoded"
            let collected = try await client.execute(
                uri: "/login/scan/complete", method: .post, headers: form, body: IdentityPagesTests.form([:]))
            // verify
            #expect(shown.status == .ok && shown.text.contains("<svg") && shown.text.contains("扫码登录二维码"))
            #expect(try pending.object()["status"] as? String == "pending")
            #expect(confirmPage.text.contains("确认在电脑上登录") && confirmPage.text.contains("只在您本人面前的电脑上扫码"))
            #expect(answered.text.contains("已确认"))
            #expect(try confirmed.object()["status"] as? String == "confirmed")
            #expect(collected.status == .seeOther && collected.headers[.location] == "/me")
            #expect(IdentityPagesTests.sessionCookie(collected) != nil)
        }
    }

    @Test("the phone without a session is sent to log in first, and back")
    func phoneNeedsLogin() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/login/scan/c/abc", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?next=/login/scan/c/abc")
        }
    }
}
