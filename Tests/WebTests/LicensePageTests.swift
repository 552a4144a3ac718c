import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// The license pages over HTTP: the holder's 证照夹 after a case is approved, the public verifier
/// page, and the issuing staff's pages.
@Suite("License pages")
struct LicensePageTests {
    typealias API = CaseAPITests
    typealias Licenses = LicenseAPITests

    /// The demo citizen's food-permit case taken to approval through the API by the market
    /// regulator's clerk and approvers; returns the citizen's session and the case id.
    static func approvedCase(_ client: any TestClientProtocol, _ platform: Platform) async throws -> (String, String) {
        let (session, id, _) = try await API.submitted(client)
        let intake = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sl01")
        let accepted = try await API.call(client, .post, "/api/v1/staff/cases/\(id)/accept", as: .staff(intake))
        #expect(accepted.status == .ok, "\(accepted.text.prefix(300))")
        // Each approver signs in once: a TOTP code is refused when used twice.
        let first = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sp01")
        let second = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sp02")
        for staff in [first, second, first] {
            let task = try #require(try await CaseAPIStaffTests.openTasks(client, id, staff: staff).first)
            let decided = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(try #require(task["id"] as? String))/decide", as: .staff(staff),
                json: #"{"decision":"approve","comment":"同意"}"#)
            #expect(decided.status == .ok, "\(decided.text.prefix(300))")
        }
        return (session, id)
    }

    /// The `/me/licenses/<id>` link of the wallet row whose link text is `typeName`.
    static func licenseLink(_ html: String, typeName: String = "食品经营许可证") -> String? {
        let pattern = #"/me/licenses/[0-9A-F-]{36}(?="[^>]*>"# + typeName + "<)"
        guard let range = html.range(of: pattern, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    @Test("the wallet shows the holder's license as a certificate in clear, printable, and to nobody else")
    func wallet() async throws {
        try await API.run { client, _ in
            // Setup: the demo seed issues 张三's shop a business license (he is its legal representative).
            let session = try await IdentityPagesTests.signIn(client)
            let other = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li))

            // Act
            let wallet = try await IdentityPagesTests.get(client, "/me/licenses", session: session)
            let link = try #require(Self.licenseLink(wallet.text, typeName: "营业执照"), "\(wallet.text)")
            let page = try await IdentityPagesTests.get(client, link, session: session)
            let print = try await IdentityPagesTests.get(client, link + "/print", session: session)
            let othersWallet = try await IdentityPagesTests.get(client, "/me/licenses", session: other)
            let othersView = try await IdentityPagesTests.get(client, link, session: other)
            let anonymous = try await IdentityPagesTests.get(client, "/me/licenses")
            let legacy = try await IdentityPagesTests.get(client, link.replacingOccurrences(of: "/me/", with: "/my/"))

            // Verify: the wallet row.
            #expect(wallet.text.contains("石家庄市长安区张三小吃店") && wallet.text.contains("长期"))
            #expect(wallet.text.contains("1.2.156.3005.2."))
            // Verify: the certificate, fields in the type's order, in clear for the holder.
            #expect(page.status == .ok)
            let labels = ["名称", "统一社会信用代码", "类型", "法定代表人", "法定代表人身份证号", "注册资本", "成立日期", "住所"]
            let positions = labels.compactMap { page.text.range(of: "<dt>\($0)</dt>")?.lowerBound }
            #expect(positions.count == labels.count && positions == positions.sorted(), "labels in the type's order")
            #expect(page.text.contains("<dd>张三</dd>") && page.text.contains("<dd>130102199003071233</dd>"))
            #expect(page.text.contains("市市场监督管理局"))
            #expect(page.text.contains("class=\"license-seal\""))
            #expect(page.text.contains("#c8161d"), "the seal is red")
            #expect(page.text.contains("shape-rendering=\"crispEdges\""), "the QR code is drawn")
            #expect(page.text.contains("ZT1:"))
            #expect(print.status == .ok)
            #expect(print.text.contains("/static/css/license.css") && print.text.contains("data-print"))
            #expect(print.text.contains("<dd>张三</dd>"))
            #expect(!print.text.contains("site-header"), "the printable view has no site chrome")
            // Verify: nobody else sees it.
            #expect(Self.licenseLink(othersWallet.text, typeName: "营业执照") == nil)
            #expect(othersView.status == .notFound)
            #expect(!othersView.text.contains("张三小吃店"))
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location]?.hasPrefix("/login?next=") == true)
            #expect(legacy.status == .seeOther && legacy.headers[.location] == link)
        }
    }

    @Test("an approved case's license appears in its applicant's wallet")
    func approvedCaseLicense() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, _) = try await Self.approvedCase(client, platform)

            // Act: the license is issued by the outbox subscriber, in the background.
            let found = try await Polling.until {
                let page = try await IdentityPagesTests.get(client, "/me/licenses", session: session)
                return Self.licenseLink(page.text) != nil ? page : nil
            }
            let latest = try await IdentityPagesTests.get(client, "/me/licenses", session: session).text
            let wallet = try #require(found, "\(latest)")
            let page = try await IdentityPagesTests.get(
                client, try #require(Self.licenseLink(wallet.text)), session: session)

            // Verify
            #expect(wallet.text.contains("2031-04-27"), "a food permit is valid five years")
            let labels = ["经营者名称", "社会信用代码", "经营项目", "经营场所面积（平方米）", "经办人"]
            let positions = labels.compactMap { page.text.range(of: "<dt>\($0)</dt>")?.lowerBound }
            #expect(positions.count == labels.count && positions == positions.sorted(), "labels in the type's order")
            #expect(page.text.contains("<dd>120</dd>") && page.text.contains("<dd>张三</dd>"))
        }
    }

    @Test("the verifier page: valid for a good code, a clear reason for a tampered one and for junk")
    func verifierPage() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Licenses.signIn(client, platform, as: "scj-sp01")
            let code = try #require(try await Licenses.issueFoodPermit(client, staff: staff)["code"] as? String)

            // Act
            let form = try await IdentityPagesTests.get(client, "/licenses/verify")
            let good = try await IdentityPagesTests.post(client, "/licenses/verify", ["code": code])
            let tampered = try await IdentityPagesTests.post(
                client, "/licenses/verify", ["code": Licenses.tampered(code)])
            let junk = try await IdentityPagesTests.post(
                client, "/licenses/verify", ["code": "<script>alert(1)</script>"])
            let empty = try await IdentityPagesTests.post(client, "/licenses/verify")
            let forged = try await IdentityPagesTests.post(client, "/licenses/verify", ["code": code], csrf: false)

            // Verify
            #expect(form.status == .ok && form.text.contains("name=\"code\""))
            #expect(good.status == .ok)
            #expect(good.text.contains("核验通过") && good.text.contains("签名有效"))
            #expect(good.text.contains("张*") && !good.text.contains("<dd>张三</dd>"), "the verifier sees masked values")
            #expect(good.text.contains("SM2（国密"))
            #expect(good.text.contains("市市场监督管理局"))
            #expect(tampered.status == .ok && tampered.text.contains("核验未通过"))
            #expect(!tampered.text.contains("食品经营许可证</dd>"), "an unverified code shows no claims")
            #expect(junk.status == .ok && junk.text.contains("这不是政通电子证照二维码"))
            #expect(!junk.text.contains("<script>alert(1)</script>"), "the pasted text is escaped")
            #expect(empty.status == .ok && empty.text.contains("核验未通过"))
            #expect(forged.status == .forbidden)
        }
    }

    @Test("staff issue by hand on the pages, see the history, suspend; another department gets 404")
    func staffPages() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Licenses.signIn(client, platform, as: "scj-sp01")
            let other = try await Licenses.signIn(client, platform, as: "rsj-jy01")
            let fields = Dictionary(
                uniqueKeysWithValues: Licenses.foodFields.map { ("field.\($0.key)", $0.value) })
            @Sendable func post(_ path: String, _ values: [String: String], as cookie: String) async throws
                -> TestResponse
            {
                try await client.execute(
                    uri: path, method: .post, headers: StaffLogin.headers(cookie, form: true),
                    body: IdentityPagesTests.form(values))
            }

            // Act
            let chooser = try await client.execute(
                uri: "/staff/licenses/new", method: .get, headers: StaffLogin.headers(staff))
            let form = try await client.execute(
                uri: "/staff/licenses/new?type=food-business-permit", method: .get, headers: StaffLogin.headers(staff))
            let refused = try await post(
                "/staff/licenses/new", ["type": "food-business-permit", "field.premisesArea": "很大"], as: staff)
            let issued = try await post(
                "/staff/licenses/new", fields.merging(["type": "food-business-permit"]) { $1 }, as: staff)
            let location = try #require(issued.headers[.location])
            let path = String(location.prefix { $0 != "?" })
            let page = try await client.execute(uri: location, method: .get, headers: StaffLogin.headers(staff))
            let suspended = try await post(path + "/suspend", ["reason": "经营场所核查中"], as: staff)
            let after = try await client.execute(uri: path, method: .get, headers: StaffLogin.headers(staff))
            let list = try await client.execute(
                uri: "/staff/licenses", method: .get, headers: StaffLogin.headers(staff))
            let othersView = try await client.execute(uri: path, method: .get, headers: StaffLogin.headers(other))
            let citizen = try await IdentityPagesTests.get(
                client, "/staff/licenses", session: try await IdentityPagesTests.signIn(client))

            // Verify
            #expect(chooser.text.contains("食品经营许可证") && chooser.text.contains("营业执照"))
            #expect(form.text.contains("name=\"field.operatorName\"") && form.text.contains("name=\"field.handledBy\""))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("经营者名称不能为空") && refused.text.contains("应为数字"))
            #expect(refused.text.contains("value=\"很大\""), "what was typed is kept")
            #expect(issued.status == .seeOther && location.hasSuffix("?done=issued"))
            #expect(page.text.contains("证照已签发") && page.text.contains("手工签发"))
            #expect(page.text.contains("<dd>张三</dd>"), "the issuing staff see values in clear")
            #expect(suspended.status == .seeOther)
            #expect(after.text.contains("暂停使用") && after.text.contains("经营场所核查中"))
            #expect(after.text.contains("/reinstate") && !after.text.contains("/suspend\""))
            #expect(list.text.contains(path))
            #expect(othersView.status == .notFound)
            #expect(citizen.status == .forbidden)
        }
    }
}
