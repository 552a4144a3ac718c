import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The elderly-friendly switch (适老化): a form post that sets a cookie and returns to the same page.
@Suite("Elderly mode")
struct ElderlyModeTests {
    static func toggle(_ client: any TestClientProtocol, form: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/preferences/elderly", method: .post, headers: TestServer.formHeaders,
            body: ByteBuffer(string: form + "&_csrf=" + TestServer.csrf))
    }

    @Test("switching on redirects (303) to the page it came from and sets zt_elderly=1")
    func switchOn() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.toggle(client, form: "enabled=1&returnTo=%2Fdev%2Fmessages")

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/dev/messages")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("zt_elderly=1"))
            #expect(cookie.contains("Path=/"))
        }
    }

    @Test("switching off sets zt_elderly=0")
    func switchOff() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.toggle(client, form: "enabled=0&returnTo=%2F")

            #expect(response.status == .seeOther)
            #expect(response.headers[.setCookie]?.hasPrefix("zt_elderly=0") == true)
        }
    }

    @Test("a page requested with the cookie renders in elderly mode")
    func pageWithCookie() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/", method: .get, headers: [.cookie: "zt_elderly=1"])

            #expect(response.status == .ok)
            #expect(response.text.contains(#"<html lang="zh-CN" class="elderly">"#))
            #expect(response.text.contains(#"aria-pressed="true""#))
        }
    }

    @Test("a page without the cookie renders normally with the switch off")
    func pageWithoutCookie() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/", method: .get)

            #expect(response.text.contains(#"<html lang="zh-CN">"#))
            #expect(response.text.contains(#"aria-pressed="false""#))
        }
    }

    @Test(
        "a returnTo that leaves the site redirects home instead",
        arguments: [
            "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil", "%2F%5Cevil.example", "javascript%3Aalert(1)", "",
        ])
    func openRedirectRefused(returnTo: String) async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.toggle(client, form: "enabled=1&returnTo=\(returnTo)")

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
        }
    }

    @Test("a form without enabled is a 400 page, not a 500")
    func missingField() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.toggle(client, form: "returnTo=%2F")

            #expect(response.status == .badRequest)
            #expect(response.text.contains(#"<html lang="zh-CN""#))
        }
    }
}

/// Every form post must prove it comes from our own page.
@Suite("CSRF")
struct CSRFTests {
    @Test("a form post without the token, or with one that differs from the cookie, is refused with 403")
    func refused() async throws {
        try await TestServer.run { client, _ in
            let noToken = try await client.execute(
                uri: "/preferences/elderly", method: .post, headers: TestServer.formHeaders,
                body: ByteBuffer(string: "enabled=1&returnTo=%2F"))
            let wrongToken = try await client.execute(
                uri: "/preferences/elderly", method: .post, headers: TestServer.formHeaders,
                body: ByteBuffer(string: "enabled=1&returnTo=%2F&_csrf=" + String(repeating: "x", count: 43)))
            let noCookie = try await client.execute(
                uri: "/preferences/elderly", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "enabled=1&returnTo=%2F&_csrf=" + TestServer.csrf))

            for response in [noToken, wrongToken, noCookie] {
                #expect(response.status == .forbidden)
                #expect(response.text.contains("页面已过期"))
            }
        }
    }

    @Test("a page hands out the cookie and puts the same token in every form")
    func handedOut() async throws {
        try await TestServer.run { client, _ in
            let page = try await client.execute(uri: "/", method: .get)
            let cookie = try #require(page.headers[.setCookie])
            let token = try #require(cookie.split(separator: ";").first?.split(separator: "=").last.map(String.init))

            #expect(cookie.hasPrefix("zt_csrf="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(page.text.contains(#"name="_csrf" value="\#(token)""#))
        }
    }
}
