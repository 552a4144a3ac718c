import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Testing

/// 工作人员登录 and 工作台 through the real pages.
@Suite("Staff pages")
struct StaffPagesTests {
    @Test("password then TOTP opens 工作台 with the tools the role allows; logging out ends it")
    func loginAndHome() async throws {
        try await TestServer.run { client, platform in
            // setup
            let staff = try await StaffLogin.signIn(client, platform, as: "admin")
            // act
            let home = try await client.execute(uri: "/admin", method: .get, headers: StaffLogin.headers(staff))
            let directory = try await client.execute(
                uri: "/admin/staff", method: .get, headers: StaffLogin.headers(staff))
            let portal = try await client.execute(uri: "/services", method: .get, headers: StaffLogin.headers(staff))
            let out = try await client.execute(
                uri: "/staff/logout", method: .post, headers: StaffLogin.headers(staff, form: true),
                body: IdentityPagesTests.form([:]))
            let after = try await client.execute(uri: "/admin", method: .get, headers: StaffLogin.headers(staff))
            // verify
            #expect(home.status == .ok)
            #expect(home.text.contains("<h1>工作台</h1>") && home.text.contains("/admin/oidc/clients"))
            #expect(home.text.contains("赵**（admin）"))
            #expect(directory.text.contains("市人力资源和社会保障局") && directory.text.contains("（rsj-jy01）"))
            #expect(!directory.text.contains("13900001005"), "phone numbers stay masked")
            // The header nav knows the staff session, on staff pages and public ones alike.
            for page in [home, portal] {
                let nav = try #require(page.text.components(separatedBy: "主导航").dropFirst().first)
                    .components(separatedBy: "</nav>")[0]
                #expect(nav.contains(#"<a href="/admin">工作台</a>"#) && nav.contains(#"action="/staff/logout""#))
                #expect(!nav.contains(#"href="/login""#) && !nav.contains(#"href="/register""#))
            }
            #expect(out.status == .seeOther && out.headers[.location] == "/staff/login")
            #expect(after.status == .unauthorized)
        }
    }

    @Test("a wrong password stays on step one; a wrong code does not open a session")
    func wrongSecrets() async throws {
        try await TestServer.run { client, _ in
            let password = try await IdentityPagesTests.post(
                client, "/staff/login", ["username": "admin", "password": "不是这个密码2026"])
            let first = try await IdentityPagesTests.post(
                client, "/staff/login", ["username": "admin", "password": OrganisationService.demoPassword])
            let challenge = try #require(OIDCRoutesTests.hiddenFields(first.text)["challenge"])
            let code = try await IdentityPagesTests.post(
                client, "/staff/login/code", ["challenge": challenge, "code": "000000"])

            #expect(password.status.code >= 400 && password.text.contains("工作人员登录"))
            #expect(first.text.contains("动态口令验证"))
            #expect(code.status.code >= 400)
            #expect(
                !code.headers[values: .setCookie].contains { $0.hasPrefix("zt_staff=") && !$0.hasPrefix("zt_staff=;") })
        }
    }

    @Test("an auditor is refused the jobs page with a Chinese 403, and the login form only returns to admin pages")
    func refusedAndSafeNext() async throws {
        try await TestServer.run { client, platform in
            let auditor = try await StaffLogin.signIn(client, platform, as: "audit")

            let jobs = try await client.execute(uri: "/admin/jobs", method: .get, headers: StaffLogin.headers(auditor))
            let form = try await client.execute(uri: "/staff/login?next=https://evil.example/", method: .get)

            #expect(jobs.status == .forbidden && jobs.text.contains("无权访问"))
            #expect(form.text.contains(#"name="next" value="/admin""#))
        }
    }
}

/// Staff administration through 组织机构与工作人员.
@Suite("Staff administration pages")
struct StaffAdministrationPagesTests {
    /// The value of the `<option>` whose label (after indentation) is `label`.
    static func option(_ html: String, _ label: String) -> String? {
        let pattern = try! NSRegularExpression(pattern: #"<option value="([^"]+)">　*([^<]+)</option>"#)
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            if html[Range(match.range(at: 2), in: html)!] == label {
                return String(html[Range(match.range(at: 1), in: html)!])
            }
        }
        return nil
    }

    @Test("an administrator creates staff and gives them a role; the newcomer enrols TOTP from a QR code and signs in")
    func createAssignEnrol() async throws {
        try await TestServer.run { client, platform in
            // setup
            let admin = try await StaffLogin.signIn(client, platform, as: "admin")
            let directory = try await client.execute(
                uri: "/admin/staff", method: .get, headers: StaffLogin.headers(admin))
            let department = try #require(Self.option(directory.text, "政务服务科"))
            // act
            let created = try await client.execute(
                uri: "/admin/staff", method: .post, headers: StaffLogin.headers(admin, form: true),
                body: IdentityPagesTests.form([
                    "username": "window02", "name": "郑爽", "phone": "13900002002", "department": department,
                    "password": "窗口新人密码2026",
                ]))
            let newcomer = try #require(Self.option(created.text, "郑*（window02）"))
            let assigned = try await client.execute(
                uri: "/admin/staff/roles", method: .post, headers: StaffLogin.headers(admin, form: true),
                body: IdentityPagesTests.form(["staff": newcomer, "role": "counter-clerk", "scope": "department"]))
            let first = try await IdentityPagesTests.post(
                client, "/staff/login", ["username": "window02", "password": "窗口新人密码2026"])
            let secretText = try #require(
                first.text.range(of: #"密钥：<code>[A-Z2-7]+</code>"#, options: .regularExpression).map {
                    String(first.text[$0].dropFirst(9).dropLast(7))
                })
            let code = TOTP(secret: try #require(Base32.decode(secretText))).code(at: platform.clock.now())
            let challenge = try #require(OIDCRoutesTests.hiddenFields(first.text)["challenge"])
            let second = try await IdentityPagesTests.post(
                client, "/staff/login/code", ["challenge": challenge, "code": code])
            // verify
            #expect(created.text.contains("已创建工作人员 window02"))
            #expect(assigned.text.contains("已分配角色"))
            #expect(first.text.contains("验证器绑定二维码") && first.text.contains("<svg"))
            #expect(second.status == .seeOther && second.headers[.location] == "/admin")
        }
    }
}

/// 窗口核验 through the real pages, as the demo counter clerk.
@Suite("Counter pages")
struct CounterPagesTests {
    @Test(
        "a clerk finds the citizen by ID number, raises them to L4 in person, and reads their data in clear with a reason"
    )
    func counter() async throws {
        try await TestServer.run { client, platform in
            // setup
            let clerk = try await StaffLogin.signIn(client, platform, as: "window01")
            func post(_ path: String, _ fields: [String: String]) async throws -> TestResponse {
                try await client.execute(
                    uri: path, method: .post, headers: StaffLogin.headers(clerk, form: true),
                    body: IdentityPagesTests.form(fields))
            }
            // act
            let found = try await post("/admin/counter/lookup", ["idNumber": "130102199003071233"])
            let person = try #require(
                found.text.range(of: #"/admin/counter/[0-9A-F-]{36}/in-person"#, options: .regularExpression).map {
                    String(found.text[$0].dropFirst(15).prefix(36))
                })
            let raised = try await post("/admin/counter/\(person)/in-person", ["evidence": "核验居民身份证原件，人证一致"])
            let noReason = try await post("/admin/counter/\(person)/reveal", ["reason": ""])
            let revealed = try await post("/admin/counter/\(person)/reveal", ["reason": "办件 2025-0001 核对"])
            let missing = try await post("/admin/counter/lookup", ["idNumber": "11010119900307123X"])
            // verify
            #expect(found.text.contains("张*") && !found.text.contains("130102199003071233"))
            #expect(raised.text.contains("已完成现场核验") && raised.text.contains("L4"))
            #expect(noReason.status == .unprocessableContent)
            #expect(revealed.text.contains("130102199003071233") && revealed.text.contains("张三"))
            #expect(missing.text.contains("没有找到该身份证号的账号"))
            let actions = try await platform.database.read { sql in
                try await sql.raw("SELECT action FROM zt_audit_log ORDER BY seq").all()
            }.map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.filter { $0 == "identity.counter-lookup" }.count == 2)
            #expect(actions.contains("identity.person-reveal"))
        }
    }
}

/// 角色管理 through the real page.
@Suite("Role pages")
struct RolePagesTests {
    @Test("a system administrator defines a role from the catalogue; it is listed with its permissions")
    func defineRole() async throws {
        try await TestServer.run { client, platform in
            let admin = try await StaffLogin.signIn(client, platform, as: "admin")
            let body =
                "_csrf=\(TestServer.csrf)&code=hotline-agent&name=%E7%83%AD%E7%BA%BF%E5%9D%90%E5%B8%AD"
                + "&permission=organisation.read&permission=cases.intake"

            let created = try await client.execute(
                uri: "/admin/roles", method: .post, headers: StaffLogin.headers(admin, form: true),
                body: ByteBuffer(string: body))
            let again = try await client.execute(
                uri: "/admin/roles", method: .post, headers: StaffLogin.headers(admin, form: true),
                body: ByteBuffer(string: body))

            #expect(created.text.contains("已创建角色“热线坐席”"))
            #expect(created.text.contains("hotline-agent"))
            #expect(created.text.contains("窗口收件受理、查看组织机构") || created.text.contains("查看组织机构、窗口收件受理"))
            #expect(again.status == .conflict)
        }
    }
}
