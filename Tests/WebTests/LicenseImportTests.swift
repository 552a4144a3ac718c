import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// 存量证照导入 over HTTP: valid rows are issued and signed, refused rows come back with their number
/// and reason, and a wrong header refuses the whole file.
@Suite("License import")
struct LicenseImportTests {
    typealias API = CaseAPITests
    typealias Licenses = LicenseAPITests

    /// Three legacy food permits; the second has a credit code with a wrong check character and no area.
    static let csv = """
        operatorName,creditCode,businessType,premisesArea,handledBy,issuedOn
        石家庄市长安区张三小吃店,91130102MA0G8XKQ5Q,热食类食品制售,120,张三,2023-05-10
        石家庄市桥西区李四面馆,91130102MA0G8XKQ5X,热食类食品制售,,李四,
        "石家庄市新华区王五便利店，连锁",91130102MA0G8XKQ5Q,预包装食品销售,35.5,王五,

        """

    /// A CSV post to the import API.
    static func post(_ client: any TestClientProtocol, staff: String, type: String, csv: String) async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/api/v1/staff/licenses/import?type=\(type)", method: .post,
            headers: [.cookie: "zt_staff=\(staff)", .contentType: "text/csv"], body: ByteBuffer(string: csv))
    }

    @Test("the API issues the valid rows and reports the refused one; a wrong header is a 422 problem")
    func importAPI() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Licenses.signIn(client, platform, as: "scj-sp01")
            let other = try await Licenses.signIn(client, platform, as: "rsj-jy01")

            // Act
            let imported = try await Self.post(
                client, staff: staff, type: "food-business-permit", csv: "\u{FEFF}" + Self.csv)
            let listed = try await API.call(
                client, .get, "/api/v1/staff/licenses?type=food-business-permit", as: .staff(staff))
            let badHeader = try await Self.post(
                client, staff: staff, type: "food-business-permit", csv: "operatorName,colour\nA,red\n")
            let unknownType = try await Self.post(client, staff: staff, type: "no-such", csv: Self.csv)
            let otherDepartment = try await Self.post(client, staff: other, type: "food-business-permit", csv: Self.csv)

            // Verify
            #expect(imported.status == .ok, "\(imported.text.prefix(400))")
            let report = try imported.object()
            let identifiers = try #require(report["imported"] as? [String])
            #expect(identifiers.count == 2)
            let rejected = try #require(report["rejected"] as? [[String: Any]])
            #expect(rejected.count == 1 && rejected.first?["row"] as? Int == 2)
            let reason = try #require(rejected.first?["reason"] as? String)
            #expect(reason.contains("统一社会信用代码") && reason.contains("经营场所面积（平方米）不能为空"))
            let licenses = try #require(try listed.object()["items"] as? [[String: Any]])
            let byIdentifier = Dictionary(
                uniqueKeysWithValues: licenses.compactMap { license in
                    (license["identifier"] as? String).map { ($0, license) }
                })
            let first = try #require(byIdentifier[identifiers[0]])
            #expect(first["issuedOn"] as? String == "2023-05-10", "a legacy license keeps its own date")
            #expect(first["validUntil"] as? String == "2028-05-09")
            let third = try #require(byIdentifier[identifiers[1]])
            #expect((third["fields"] as? [String: String])?["operatorName"] == "石家庄市新华区王五便利店，连锁")
            #expect(third["issuedOn"] as? String == "2026-04-28")
            try API.expectProblem(badHeader, 422, "licenses.import-header")
            try API.expectProblem(unknownType, 422, "licenses.unknown-type")
            #expect(otherDepartment.status == .forbidden)
        }
    }

    @Test("the import page shows the report, refused rows with their reason")
    func importPage() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Licenses.signIn(client, platform, as: "scj-sp01")

            // Act
            let form = try await client.execute(
                uri: "/staff/licenses/import", method: .get, headers: StaffLogin.headers(staff))
            let report = try await client.execute(
                uri: "/staff/licenses/import", method: .post, headers: StaffLogin.headers(staff, form: true),
                body: IdentityPagesTests.form(["type": "food-business-permit", "csv": Self.csv]))
            let refused = try await client.execute(
                uri: "/staff/licenses/import", method: .post, headers: StaffLogin.headers(staff, form: true),
                body: IdentityPagesTests.form(["type": "food-business-permit", "csv": "colour\nred\n"]))

            // Verify
            #expect(form.status == .ok && form.text.contains("enctype=\"multipart/form-data\""))
            #expect(report.status == .ok, "\(report.text.prefix(300))")
            #expect(report.text.contains("已签发 <strong>2</strong> 个证照，拒绝 <strong>1</strong> 行"))
            #expect(report.text.contains("<td>2</td>") && report.text.contains("不能为空"))
            #expect(refused.status == .unprocessableContent && refused.text.contains("表头"))
        }
    }
}
