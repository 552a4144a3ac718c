import Catalog
import CatalogModel
import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// 事项管理 through the real pages: a department administrator drafts, a reviewer reads the diff
/// and publishes, and refusals are shown on the page without changing anything.
@Suite("Catalog staff pages")
struct CatalogAdminPagesTests {
    /// Signs `username` in through /staff/login and returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        let first = try await IdentityPagesTests.post(
            client, "/staff/login", ["username": username, "password": OrganisationService.demoPassword])
        let challenge = try #require(OIDCRoutesTests.hiddenFields(first.text)["challenge"])
        let text = try #require(CatalogWebFixture.secrets[username])
        let secret = try #require(Base32.decode(text))
        let second = try await IdentityPagesTests.post(
            client, "/staff/login/code",
            ["challenge": challenge, "code": TOTP(secret: secret).code(at: platform.clock.now()), "next": "/admin"])
        let cookie = try #require(second.headers[values: .setCookie].first { $0.hasPrefix("zt_staff=") })
        return String(cookie.dropFirst("zt_staff=".count).prefix { $0 != ";" })
    }

    /// A staff form post.
    static func post(_ client: any TestClientProtocol, _ path: String, _ fields: [String: String], staff: String)
        async throws -> TestResponse
    {
        try await client.execute(
            uri: path, method: .post, headers: StaffLogin.headers(staff, form: true),
            body: IdentityPagesTests.form(fields))
    }

    /// A staff page request.
    static func get(_ client: any TestClientProtocol, _ path: String, staff: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: StaffLogin.headers(staff))
    }

    /// The guide form of a small item: one material, one fee of 12.50 yuan, one step.
    static func guideFields(name: String, legal: String = "20", promised: String = "5") -> [String: String] {
        [
            "name": name, "itemType": "licensing", "audience.enterprise": "1", "themes": "市场监管", "keywords": "开饭店、餐饮",
            "legalBasis": "《中华人民共和国食品安全法》第三十五条\n《食品经营许可管理办法》", "legalDays": legal,
            "legalUnit": "workingDays", "promisedDays": promised, "promisedUnit": "workingDays", "visits": "1",
            "onlineDepth": "3", "channel.online": "1", "channel.window": "1", "material.0.code": "M01",
            "material.0.name": "食品经营许可申请书", "material.0.source": "applicant", "material.0.form": "original",
            "material.0.copies": "1", "material.0.required": "1", "fee.0.name": "工本费", "fee.0.amount": "12.50",
            "fee.0.standard": "每证12.5元", "fee.0.basis": "物价文件", "step.0.name": "受理", "step.0.description": "窗口受理",
            "resultKind": "license", "resultName": "食品经营许可证",
        ]
    }

    /// The item id in a redirect to its page.
    static func itemID(_ response: TestResponse) throws -> UUID {
        let location = try #require(response.headers[.location])
        let id = try #require(location.split(separator: "/").last?.split(separator: "?").first)
        return try #require(UUID(uuidString: String(id)))
    }

    /// Creates an item through /admin/catalog/new as scj-admin; returns its id.
    static func createItem(
        _ client: any TestClientProtocol, editor: String, name: String = "食品经营许可（测试）", sequence: Int = 1
    ) async throws -> UUID {
        let form = try await get(client, "/admin/catalog/new", staff: editor)
        let department = try #require(StaffAdministrationPagesTests.option(form.text, "市市场监督管理局"))
        var fields = guideFields(name: name)
        fields["businessCode"] = try CatalogWebFixture.code(base: "000111008000", sequence: sequence).rawValue
        fields["department"] = department
        fields["division"] = "130100"
        let created = try await post(client, "/admin/catalog/new", fields, staff: editor)
        #expect(created.status == .seeOther, "\(created.text.prefix(400))")
        return try itemID(created)
    }

    @Test("an administrator drafts, the reviewer reads the diff and publishes; the editor cannot publish")
    func journey() async throws {
        let clock = FixedClock(TestServer.daytime)
        try await TestServer.run(clock: clock) { client, platform in
            // Setup
            let editor = try await Self.signIn(client, platform, as: "scj-admin")
            let reviewer = try await Self.signIn(client, platform, as: "review01")
            // A TOTP code is good once: the domain-level reader signs in with the next one.
            clock.advance(by: 30)
            let reader = try await CatalogWebFixture.actor(platform, "review01")

            // Act: create, try to publish as the editor, publish as the reviewer.
            let id = try await Self.createItem(client, editor: editor)
            let created = try await Self.get(client, "/admin/catalog/items/\(id)?done=created", staff: editor)
            let list = try await Self.get(client, "/admin/catalog", staff: editor)
            let refused = try await Self.post(client, "/admin/catalog/items/\(id)/publish", [:], staff: editor)
            let published = try await Self.post(client, "/admin/catalog/items/\(id)/publish", [:], staff: reviewer)
            // A second draft with a shorter promise and one more material.
            let editForm = try await Self.get(client, "/admin/catalog/items/\(id)/edit", staff: editor)
            var fields = Self.guideFields(name: "食品经营许可（测试）", promised: "3")
            fields["material.1.code"] = "M02"
            fields["material.1.name"] = "营业执照"
            fields["material.1.source"] = "licenseLibrary"
            fields["material.1.exempt"] = "1"
            let saved = try await Self.post(client, "/admin/catalog/items/\(id)/edit", fields, staff: editor)
            let review = try await Self.get(client, "/admin/catalog/items/\(id)", staff: reviewer)
            // Version 1 is in force from today, so version 2 takes effect tomorrow.
            let tomorrow = CalendarDay(platform.clock.now()).adding(days: 1).description
            let second = try await Self.post(
                client, "/admin/catalog/items/\(id)/publish", ["effectiveFrom": tomorrow], staff: reviewer)
            let again = try await Self.post(client, "/admin/catalog/items/\(id)/publish", [:], staff: reviewer)

            // Verify
            #expect(created.status == .ok && created.text.contains("已创建事项") && created.text.contains("草稿"))
            #expect(list.text.contains("食品经营许可（测试）") && list.text.contains("status-draft"))
            #expect(refused.status == .forbidden && refused.text.contains("审核发布政务服务事项"))
            #expect(published.status == .seeOther && published.headers[.location]?.hasSuffix("done=published") == true)
            #expect(editForm.text.contains("以第1版（已发布）为底稿") && editForm.text.contains(#"value="食品经营许可（测试）""#))
            #expect(saved.status == .seeOther)
            #expect(review.text.contains("第1版 → 第2版") && review.text.contains("审核通过并发布"))
            #expect(review.text.contains(#"<tr class="diff-changed"><th scope="row">承诺时限</th>"#))
            #expect(review.text.contains("<del>5个工作日</del>") && review.text.contains("<ins>3个工作日</ins>"))
            #expect(review.text.contains(#"<tr class="diff-added"><th scope="row">申请材料</th>"#))
            #expect(second.status == .seeOther)
            #expect(again.status == .conflict && again.text.contains("该事项没有待发布的草稿"))
            let versions = try await platform.catalog.versions(itemID: id, by: reader)
            #expect(versions.map(\.status) == [.retired, .published])
            #expect(versions.first?.guide.fees.first?.amountFen == 1250)
            #expect(versions.last?.guide.materials.map(\.code) == ["M01", "M02"])
            #expect(versions.last?.guide.materials.last?.exempt == true)
            #expect(versions.first?.guide.legalBasis.count == 2 && versions.first?.guide.keywords == ["开饭店", "餐饮"])
        }
    }

    @Test("a malformed form shows the Chinese reason next to the form and changes nothing")
    func malformedForm() async throws {
        try await TestServer.run { client, platform in
            // Setup
            let editor = try await Self.signIn(client, platform, as: "scj-admin")
            let reader = try await CatalogWebFixture.actor(platform, "review01")
            let id = try await Self.createItem(client, editor: editor)
            let before = try await platform.catalog.versions(itemID: id, by: reader)

            // Act
            let longer = try await Self.post(
                client, "/admin/catalog/items/\(id)/edit", Self.guideFields(name: "改过的名称", legal: "20", promised: "30"),
                staff: editor)
            var badFee = Self.guideFields(name: "改过的名称")
            badFee["fee.0.amount"] = "十二元"
            let fee = try await Self.post(client, "/admin/catalog/items/\(id)/edit", badFee, staff: editor)
            var badCode = Self.guideFields(name: "另一个事项")
            badCode["businessCode"] = "123"
            let code = try await Self.post(client, "/admin/catalog/new", badCode, staff: editor)

            // Verify
            #expect(longer.status == .unprocessableContent)
            #expect(longer.text.contains("承诺时限（30个工作日）不能长于法定时限（20个工作日）"))
            #expect(longer.text.contains(#"value="改过的名称""#), "the form is shown again as typed")
            #expect(fee.status == .unprocessableContent && fee.text.contains("以元为单位填写"))
            #expect(code.status == .unprocessableContent && code.text.contains("业务办理项编码"))
            #expect(try await platform.catalog.versions(itemID: id, by: reader) == before)
            let names = try await platform.catalog.staffItems(by: reader).filter { $0.itemID == id }.map(\.name)
            #expect(names == ["食品经营许可（测试）"])
        }
    }

    @Test("staff outside the department are refused the item; staff without catalog roles see an empty list")
    func scope() async throws {
        try await TestServer.run { client, platform in
            let editor = try await Self.signIn(client, platform, as: "scj-admin")
            let id = try await Self.createItem(client, editor: editor)
            let other = try await StaffLogin.signIn(client, platform, as: "rsj-admin")
            let auditor = try await StaffLogin.signIn(client, platform, as: "audit")

            let foreign = try await Self.get(client, "/admin/catalog/items/\(id)", staff: other)
            let foreignEdit = try await Self.post(
                client, "/admin/catalog/items/\(id)/edit", Self.guideFields(name: "越权修改"), staff: other)
            let otherList = try await Self.get(client, "/admin/catalog", staff: other)
            let auditList = try await Self.get(client, "/admin/catalog", staff: auditor)

            #expect(foreign.status == .forbidden)
            #expect(foreignEdit.status == .forbidden)
            #expect(otherList.status == .ok && !otherList.text.contains("食品经营许可（测试）"))
            #expect(auditList.status == .ok && auditList.text.contains("还没有事项"))
        }
    }
}
