import Foundation
import Hummingbird
import HummingbirdTesting
import StorageTesting
import Testing

/// 登录, 注册, 个人中心 and logging out, over HTTP against the real application.
///
/// The demo seed has registered 张三 (13800000000); new registrations use 李四's numbers.
@Suite("Identity pages")
struct IdentityPagesTests {
    static let demoPhone = "13800000000"
    static let demoPassword = "政通演示2026"
    static let li = ["name": "李四", "idNumber": "13010219900307125X", "phone": "13912345678", "password": "桥西区办事2026"]
    static let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1"

    /// `fields` URL-encoded, with the CSRF field unless `csrf` is false.
    static func form(_ fields: [String: String], csrf: Bool = true) -> ByteBuffer {
        var all = fields
        if csrf { all["_csrf"] = TestServer.csrf }
        let encoded = all.sorted { $0.key < $1.key }.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return ByteBuffer(string: encoded.joined(separator: "&"))
    }

    /// A browser form post carrying the CSRF cookie and, if given, the session cookie.
    static func post(
        _ client: any TestClientProtocol, _ path: String, _ fields: [String: String] = [:], session: String? = nil,
        csrf: Bool = true
    ) async throws -> TestResponse {
        var headers = TestServer.formHeaders
        headers[.userAgent] = iPhone
        if let session { headers[.cookie] = "zt_csrf=\(TestServer.csrf); zt_session=\(session)" }
        return try await client.execute(uri: path, method: .post, headers: headers, body: form(fields, csrf: csrf))
    }

    /// A page request with the session cookie, if any.
    static func get(_ client: any TestClientProtocol, _ path: String, session: String? = nil) async throws
        -> TestResponse
    {
        let headers: HTTPFields = session.map { [.cookie: "zt_session=\($0)"] } ?? [:]
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// The `zt_session` Set-Cookie header of a response, if it sets one.
    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("zt_session=") }
    }

    /// The session token a response sets (fails the test if it sets none).
    static func token(_ response: TestResponse) throws -> String {
        let cookie = try #require(sessionCookie(response))
        let value = cookie.dropFirst("zt_session=".count).prefix { $0 != ";" }
        return String(value)
    }

    /// Logs the demo citizen in and returns the session token.
    static func signIn(_ client: any TestClientProtocol, as phone: String = demoPhone, password: String = demoPassword)
        async throws -> String
    {
        let response = try await post(client, "/login", ["identifier": phone, "password": password])
        #expect(response.status == .seeOther)
        return try token(response)
    }

    @Test("登录 and 注册 render Chinese forms that echo the CSRF cookie")
    func formsRender() async throws {
        try await TestServer.run { client, _ in
            for (path, heading, fields) in [
                ("/login", "<h1>登录</h1>", ["identifier", "password", "next"]),
                ("/register", "<h1>注册个人账号</h1>", ["name", "idNumber", "phone", "password"]),
            ] {
                let response = try await Self.get(client, path)

                #expect(response.status == .ok)
                #expect(response.contentType.hasPrefix("text/html"))
                #expect(response.text.contains(heading))
                let csrfCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("zt_csrf=") })
                let csrf = csrfCookie.dropFirst("zt_csrf=".count).prefix { $0 != ";" }
                #expect(response.text.contains(#"name="_csrf" value="\#(csrf)""#), "\(path)")
                for field in fields { #expect(response.text.contains(#"name="\#(field)""#), "\(path) \(field)") }
            }
        }
    }

    @Test("registering signs in: 303 to /me with a HttpOnly, Secure, SameSite=Lax session cookie")
    func registerSignsIn() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.post(client, "/register", Self.li)

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/me")
            let cookie = try #require(Self.sessionCookie(response))
            let attributes = Set(
                cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.isSuperset(of: ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"]), "\(cookie)")
            #expect(attributes.contains("Max-Age=43200"), "the absolute limit, 12 hours")
            #expect(try Self.token(response).count >= 43)

            let me = try await Self.get(client, "/me", session: try Self.token(response))
            #expect(me.status == .ok)
            #expect(me.text.contains("139****5678"))
            #expect(me.text.contains("李*"))
            #expect(me.text.contains("L1 自主声明"))
            for secret in ["13912345678", "13010219900307125X", "李四", "桥西区办事2026"] {
                #expect(!me.text.contains(secret), "\(secret) must not appear on the page")
            }
        }
    }

    @Test("个人中心 shows 张三's masked numbers and his devices, never the clear number")
    func profilePage() async throws {
        try await TestServer.run { client, _ in
            let token = try await Self.signIn(client)

            let me = try await Self.get(client, "/me", session: token)

            #expect(me.status == .ok)
            #expect(me.text.contains("<h1>个人中心</h1>"))
            #expect(me.text.contains("138****0000"))
            #expect(me.text.contains("130***********1233"))
            #expect(!me.text.contains(Self.demoPhone))
            #expect(!me.text.contains("130102199003071233"))
            #expect(me.text.contains("我的登录设备"))
            #expect(me.text.contains("iPhone · Safari"))
            #expect(me.text.contains("当前设备"))
            #expect(me.text.contains(#"action="/me/logout-everywhere""#))
            #expect(me.text.contains("退出登录"), "the header offers to log out")
        }
    }

    @Test("个人中心 without a live session redirects to 登录 and back", arguments: [nil, "not-a-session"])
    func profileNeedsSession(token: String?) async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.get(client, "/me", session: token)

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?next=/me")
        }
    }

    @Test("a wrong password is a 401 page in Chinese, without a session cookie")
    func wrongPassword() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.post(
                client, "/login", ["identifier": Self.demoPhone, "password": "不是这个密码2026"])

            #expect(response.status == .unauthorized)
            #expect(response.contentType.hasPrefix("text/html"))
            #expect(response.text.contains("账号或密码错误"))
            #expect(response.text.contains("手机号、身份证号或密码不正确"))
            #expect(response.text.contains(#"value="13800000000""#), "the identifier is kept for another try")
            #expect(!response.text.contains("不是这个密码2026"))
            #expect(Self.sessionCookie(response) == nil)
        }
    }

    @Test("the sixth attempt after five wrong passwords is a 429 lock page")
    func lockout() async throws {
        try await TestServer.run { client, _ in
            for n in 1...5 {
                let response = try await Self.post(
                    client, "/login", ["identifier": Self.demoPhone, "password": "wrong-\(n)"])
                #expect(response.status == .unauthorized, "attempt \(n)")
            }

            let sixth = try await Self.post(
                client, "/login", ["identifier": Self.demoPhone, "password": Self.demoPassword])

            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.text.contains("登录尝试过多"))
            #expect(sixth.text.contains("分钟后再试"))
            #expect(Self.sessionCookie(sixth) == nil)
        }
    }

    @Test("registering still signs in from an address locked by earlier wrong passwords")
    func registerWhileAddressLocked() async throws {
        try await TestServer.run { client, _ in
            for n in 1...5 {
                _ = try await Self.post(client, "/login", ["identifier": "1390000000\(n)", "password": "wrong-\(n)"])
            }

            let response = try await Self.post(client, "/register", Self.li)

            #expect(response.status == .seeOther, "the account is made; a login refusal would strand it")
            #expect(response.headers[.location] == "/me")
            #expect(Self.sessionCookie(response) != nil)
        }
    }

    @Test("a refused registration keeps the typed numbers but never the password", arguments: [false, true])
    func registrationRefused(duplicate: Bool) async throws {
        try await TestServer.run { client, _ in
            var fields = Self.li
            if duplicate { fields["phone"] = Self.demoPhone } else { fields["password"] = "12345678" }

            let response = try await Self.post(client, "/register", fields)

            #expect(response.status == (duplicate ? .conflict : .unprocessableContent))
            #expect(response.text.contains(duplicate ? "账号已存在" : "密码不符合要求"))
            #expect(response.text.contains(#"value="13010219900307125X""#))
            #expect(!response.text.contains(#"value="\#(fields["password"]!)""#))
            #expect(Self.sessionCookie(response) == nil)
        }
    }

    @Test("login returns to a local next page, never to another site")
    func nextPage() async throws {
        try await TestServer.run { client, _ in
            for (next, location) in [
                ("/dev/messages", "/dev/messages"), ("//evil.example/x", "/"), ("https://evil.example", "/"),
            ] {
                let response = try await Self.post(
                    client, "/login", ["identifier": Self.demoPhone, "password": Self.demoPassword, "next": next])
                #expect(response.headers[.location] == location, "next=\(next)")
            }
        }
    }

    @Test("a next page with a tab or newline cannot leave the site")
    func nextPageWithControlCharacters() async throws {
        try await TestServer.run { client, _ in
            // Browsers delete tabs and newlines from URLs, so "/\t/evil.example" becomes "//evil.example".
            // Known issue: PortalRoutes.safeReturnPath (shared with the elderly switch, not ours) lets it through.
            for next in ["/\t/evil.example", "/\n/evil.example"] {
                let response = try await Self.post(
                    client, "/login", ["identifier": Self.demoPhone, "password": Self.demoPassword, "next": next])
                #expect(response.headers[.location] == "/", "next=\(next.debugDescription)")
            }
        }
    }

    @Test("logging out clears the cookie and ends the session on the server")
    func logout() async throws {
        try await TestServer.run { client, _ in
            let token = try await Self.signIn(client)

            let response = try await Self.post(client, "/logout", session: token)

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(Self.sessionCookie(response))
            #expect(cookie.hasPrefix("zt_session=;"))
            #expect(cookie.contains("Max-Age=0"))
            let me = try await Self.get(client, "/me", session: token)
            #expect(me.status == .seeOther, "the old token is dead even if a client kept it")
            #expect(me.headers[.location] == "/login?next=/me")
        }
    }

    @Test("退出所有设备 ends the other sessions too")
    func logoutEverywhere() async throws {
        try await TestServer.run { client, _ in
            let here = try await Self.signIn(client)
            let elsewhere = try await Self.signIn(client)
            #expect(try await Self.get(client, "/me", session: elsewhere).status == .ok)

            let response = try await Self.post(client, "/me/logout-everywhere", session: here)

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login")
            #expect(Self.sessionCookie(response)?.hasPrefix("zt_session=;") == true)
            for token in [here, elsewhere] {
                #expect(try await Self.get(client, "/me", session: token).status == .seeOther)
            }
        }
    }

    @Test("a form post without the CSRF field is refused with 403 and changes nothing")
    func csrf() async throws {
        try await TestServer.run { client, _ in
            let token = try await Self.signIn(client)
            let login = try await Self.post(
                client, "/login", ["identifier": Self.demoPhone, "password": Self.demoPassword], csrf: false)
            let register = try await Self.post(client, "/register", Self.li, csrf: false)
            let logout = try await Self.post(client, "/logout", session: token, csrf: false)
            let everywhere = try await Self.post(client, "/me/logout-everywhere", session: token, csrf: false)

            for response in [login, register, logout, everywhere] {
                #expect(response.status == .forbidden)
                #expect(response.text.contains("页面已过期"))
                #expect(Self.sessionCookie(response) == nil)
            }
            #expect(try await Self.get(client, "/me", session: token).status == .ok, "still signed in")
            let liLogin = try await Self.post(
                client, "/login", ["identifier": Self.li["phone"]!, "password": Self.li["password"]!])
            #expect(liLogin.status == .unauthorized, "the refused registration made no account")
        }
    }

    @Test("the identity pages work on PostgreSQL too", .enabled(if: TestDatabase.postgresURL != nil))
    func postgres() async throws {
        try await TestServer.run(on: .postgres) { client, _ in
            let register = try await Self.post(client, "/register", Self.li)
            let token = try Self.token(register)
            #expect(try await Self.get(client, "/me", session: token).text.contains("139****5678"))
            #expect(try await Self.post(client, "/logout", session: token).status == .seeOther)
            #expect(try await Self.get(client, "/me", session: token).status == .seeOther)
        }
    }
}
