import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// What the case page tests share: a server with the demo catalog on a day its items are in
/// force, the citizen's and staff logins, multipart uploads and a submitted food-permit case.
enum CasePageSupport {
    /// Tuesday 2026-04-28 10:00 in Beijing: a working day after the demo catalog took effect.
    static let day = Date(timeIntervalSince1970: 1_777_341_600)
    /// 食品经营许可（新办）, whose process has its own form.
    static let foodPermit = "111301000000135718300011100800001"
    /// A tiny PDF, enough for the content check.
    static let pdf = Data("%PDF-1.7\n%zhengtong page test\n".utf8)
    /// The demo staff of 市市场监督管理局 and the window: username → TOTP secret.
    static let secrets = [
        "scj-sl01": "SCJSLZTDEMO23456", "scj-sp01": "SCJSPAZTDEMO2345", "scj-sp02": "SCJSPBZTDEMO2345",
        "window01": "WINDOWZTDEMO2345",
    ]
    /// A valid food-permit form.
    static let foodForm = [
        "businessName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "businessArea": "120",
        "businessType": "热食类食品制售", "contactPhone": "13800000000", "situation": "S01",
    ]

    /// Runs `body` against a server with the demo organisation and catalog on `day`.
    static func run(_ body: @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        try await TestServer.run(demoCatalog: true, clock: FixedClock(day)) { client, platform in
            try await body(client, platform)
        }
    }

    /// Signs demo staff member `username` in (password, then TOTP) and returns the staff cookie.
    static func staff(_ client: any TestClientProtocol, _ platform: Platform, _ username: String) async throws
        -> String
    {
        let first = try await IdentityPagesTests.post(
            client, "/staff/login", ["username": username, "password": OrganisationService.demoPassword])
        let challenge = try #require(OIDCRoutesTests.hiddenFields(first.text)["challenge"])
        let text = try #require(secrets[username])
        let secret = try #require(Base32.decode(text))
        let code = TOTP(secret: secret).code(at: platform.clock.now())
        let second = try await IdentityPagesTests.post(
            client, "/staff/login/code", ["challenge": challenge, "code": code, "next": "/admin"])
        let cookie = try #require(second.headers[values: .setCookie].first { $0.hasPrefix("zt_staff=") })
        return String(cookie.dropFirst("zt_staff=".count).prefix { $0 != ";" })
    }

    /// A staff form post.
    static func staffPost(
        _ client: any TestClientProtocol, _ path: String, _ fields: [String: String], staff: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: StaffLogin.headers(staff, form: true),
            body: IdentityPagesTests.form(fields))
    }

    /// A staff page.
    static func staffGet(_ client: any TestClientProtocol, _ path: String, staff: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: StaffLogin.headers(staff))
    }

    /// Uploads `content` as material `code` of case `id` the way the page's form does, the CSRF
    /// token riding in a hidden field as the page sends it.
    static func upload(
        _ client: any TestClientProtocol, case id: String, code: String, session: String, content: Data = pdf,
        type: String = "application/pdf", csrf: String = TestServer.csrf
    ) async throws -> TestResponse {
        let boundary = "----ztPageTest"
        var body = Data()
        let fields = [("_csrf", csrf), ("materialCode", code)]
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(code).pdf\"\r\nContent-Type: \(type)\r\n\r\n"
                .utf8)
        body += content + Data("\r\n--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [
            .contentType: "multipart/form-data; boundary=\(boundary)",
            .cookie: "zt_csrf=\(TestServer.csrf); zt_session=\(session)",
        ]
        return try await client.execute(
            uri: "/me/cases/\(id)/materials", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// The case id in a `/me/cases/<id>…` location.
    static func caseID(_ response: TestResponse) throws -> String {
        let location = try #require(response.headers[.location])
        let rest = try #require(location.split(separator: "/").dropFirst(2).first)
        return String(rest.prefix { $0 != "?" })
    }

    /// The demo citizen's session and a food-permit case they applied for, uploaded and submitted.
    static func submittedCase(_ client: any TestClientProtocol) async throws -> (session: String, id: String) {
        let session = try await IdentityPagesTests.signIn(client)
        let draft = try await IdentityPagesTests.post(client, "/cases/apply/\(foodPermit)", foodForm, session: session)
        let id = try caseID(draft)
        for code in ["M03", "M04"] {
            let uploaded = try await upload(client, case: id, code: code, session: session)
            #expect(uploaded.status == .seeOther, "upload \(code): \(uploaded.text.prefix(300))")
        }
        let submitted = try await IdentityPagesTests.post(client, "/me/cases/\(id)/submit", [:], session: session)
        #expect(submitted.headers[.location] == "/me/cases/\(id)/receipt")
        return (session, id)
    }

    /// The 22-digit case number shown in grouped form on `html`.
    static func number(_ html: String) -> String? {
        guard let range = html.range(of: #"\d{6} \d{8} \d{7} \d"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    /// The hidden `revision` of the decision form of `html`, and its task id.
    static func decisionForm(_ html: String) -> (task: String, revision: String)? {
        guard let range = html.range(of: #"/staff/tasks/[0-9A-F-]{36}/decide"#, options: .regularExpression) else {
            return nil
        }
        let task = String(html[range].dropFirst("/staff/tasks/".count).prefix(36))
        let form = html[range.upperBound...]
        let end = form.range(of: "</form>")?.lowerBound ?? form.endIndex
        guard let revision = OIDCRoutesTests.hiddenFields(String(form[..<end]))["revision"] else {
            return nil
        }
        return (task, revision)
    }
}
