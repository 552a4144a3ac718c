import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 一件事 through the citizen's pages: the union form, the merged material list, one upload per
/// shared material, and the parts' numbers after submission.
@Suite("一件事 bundle pages")
struct CaseBundlePageTests {
    static let form = ["applicantName": "张三", "contactPhone": "13800000000", "remarks": "新设有限公司"]

    /// Uploads `content` as the bundle material `name` the way the page's form does.
    static func upload(
        _ client: any TestClientProtocol, bundle id: String, name: String, session: String
    ) async throws -> TestResponse {
        let boundary = "----ztBundleTest"
        var body = Data()
        for (field, value) in [("_csrf", TestServer.csrf), ("materialName", name)] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                .utf8)
        body += CasePageSupport.pdf + Data("\r\n--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [
            .contentType: "multipart/form-data; boundary=\(boundary)",
            .cookie: "zt_csrf=\(TestServer.csrf); zt_session=\(session)",
        ]
        return try await client.execute(
            uri: "/me/bundles/\(id)/materials", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// The bundle id in a `/me/bundles/<id>…` location.
    static func bundleID(_ response: TestResponse) throws -> String {
        let location = try #require(response.headers[.location])
        #expect(location.hasPrefix("/me/bundles/"), "\(location)")
        return String(location.dropFirst("/me/bundles/".count).prefix { $0 != "?" })
    }

    @Test("the apply page draws the union form and the merged materials; visitors are sent to log in")
    func applyForm() async throws {
        try await CasePageSupport.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            // act
            let guide = try await IdentityPagesTests.get(client, "/services/bundles/business-start")
            let anonymous = try await IdentityPagesTests.get(client, "/cases/bundles/business-start/apply")
            let page = try await IdentityPagesTests.get(client, "/cases/bundles/business-start/apply", session: session)
            let unknown = try await IdentityPagesTests.get(
                client, "/cases/bundles/no-such-bundle/apply", session: session)
            // verify
            #expect(guide.text.contains(#"href="/cases/bundles/business-start/apply">在线申请一件事"#))
            #expect(anonymous.headers[.location] == "/login?next=/cases/bundles/business-start/apply")
            #expect(page.status == .ok)
            for key in ["applicantName", "contactPhone", "remarks"] {
                #expect(page.text.components(separatedBy: #"name="\#(key)""#).count == 2, "\(key) asked once")
            }
            #expect(page.text.components(separatedBy: #"<tr class="bundle-material">"#).count - 1 == 8)
            #expect(page.text.contains("用于：营业执照设立登记（企业设立登记）、印章刻制备案"))
            #expect(unknown.status == .notFound)
        }
    }

    @Test("apply, upload a shared material once, submit: the page lists every part's number and link")
    func applyUploadSubmit() async throws {
        try await CasePageSupport.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            var wrong = Self.form
            wrong["applicantName"] = ""
            // act
            let refused = try await IdentityPagesTests.post(
                client, "/cases/bundles/business-start/apply", wrong, session: session)
            let started = try await IdentityPagesTests.post(
                client, "/cases/bundles/business-start/apply", Self.form, session: session)
            let id = try Self.bundleID(started)
            let draft = try await IdentityPagesTests.get(client, "/me/bundles/\(id)", session: session)
            let uploaded = try await Self.upload(client, bundle: id, name: "营业执照", session: session)
            let early = try await IdentityPagesTests.post(client, "/me/bundles/\(id)/submit", [:], session: session)
            _ = try await Self.upload(client, bundle: id, name: "公司章程", session: session)
            let submitted = try await IdentityPagesTests.post(client, "/me/bundles/\(id)/submit", [:], session: session)
            let done = try await IdentityPagesTests.get(client, "/me/bundles/\(id)", session: session)
            let api = try await CaseAPITests.call(client, .get, "/api/v1/case-bundles/\(id)", as: .person(session))
            let received = try await CaseBundleAPITests.received(client, try api.object(), as: .person(session))
            let users = try await CaseBundleAPITests.usedBy(client, "营业执照")
            // verify
            #expect(refused.status == .unprocessableContent && refused.text.contains("请填写申请人姓名"))
            #expect(started.headers[.location] == "/me/bundles/\(id)?done=started")
            #expect(draft.text.components(separatedBy: #"<tr class="bundle-part">"#).count - 1 == 5)
            #expect(draft.text.contains(#"<input type="hidden" name="materialName" value="营业执照">"#))
            #expect(uploaded.headers[.location] == "/me/bundles/\(id)?done=uploaded")
            #expect(Set(received.filter { $0.value.contains("营业执照") }.keys) == users)
            #expect(early.status == .unprocessableContent && early.text.contains("form-error"))
            #expect(submitted.headers[.location] == "/me/bundles/\(id)")
            let parts = try #require(try api.object()["parts"] as? [[String: Any]])
            for part in parts {
                let partID = try #require(part["id"] as? String)
                #expect(done.text.contains(#"href="/me/cases/\#(partID)""#))
            }
            let numbers = done.text.matches(of: /\d{6} \d{8} \d{7} \d/).count
            #expect(numbers == 5)
            #expect(!done.text.contains(#"action="/me/bundles/\#(id)/submit""#))
        }
    }

    @Test("another person gets 404 for someone else's bundle; a visitor is sent to log in")
    func privacy() async throws {
        try await CasePageSupport.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            let started = try await IdentityPagesTests.post(
                client, "/cases/bundles/business-start/apply", Self.form, session: session)
            let id = try Self.bundleID(started)
            _ = try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li)
            let other = try await IdentityPagesTests.signIn(
                client, as: IdentityPagesTests.li["phone"] ?? "", password: IdentityPagesTests.li["password"] ?? "")
            // act
            let peek = try await IdentityPagesTests.get(client, "/me/bundles/\(id)", session: other)
            let poke = try await IdentityPagesTests.post(client, "/me/bundles/\(id)/submit", [:], session: other)
            let anonymous = try await IdentityPagesTests.get(client, "/me/bundles/\(id)")
            // verify
            #expect(peek.status == .notFound)
            #expect(poke.status == .notFound)
            #expect(anonymous.headers[.location] == "/login?next=/me/bundles/\(id)")
        }
    }
}
