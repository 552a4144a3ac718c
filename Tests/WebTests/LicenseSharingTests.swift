import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// Sharing a license by a time-limited link, and 用证授权: the applicant lets the case's department read
/// a license instead of uploading it, the clerk reads it, and the holder sees who did.
///
/// The demo citizen 张三 is the legal representative of the demo shop, whose 营业执照 the demo seed issues,
/// so his wallet holds it from the start.
@Suite("License sharing and use")
struct LicenseSharingTests {
    typealias API = CaseAPITests
    typealias Licenses = LicenseAPITests

    /// The id of the business license in the wallet of the person with `session`.
    static func businessLicense(_ client: any TestClientProtocol, session: String) async throws -> String {
        let wallet = try await API.call(client, .get, "/api/v1/me/licenses", as: .person(session))
        #expect(wallet.status == .ok, "\(wallet.text.prefix(300))")
        let items = try #require(try wallet.object()["items"] as? [[String: Any]])
        let license = try #require(items.first { $0["type"] as? String == "business-license" })
        return try #require(license["id"] as? String)
    }

    @Test("a share link shows the license verified and masked to anyone, until it expires")
    func share() async throws {
        let clock = FixedClock(API.start)
        try await TestServer.run(demoCatalog: true, clock: clock) { client, _ in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)
            let id = try await Self.businessLicense(client, session: session)

            // Act
            let page = try await IdentityPagesTests.post(
                client, "/me/licenses/\(id)/share", ["minutes": "30"], session: session)
            let pattern = #"/licenses/shared/[A-Za-z0-9_-]+"#
            let range = try #require(page.text.range(of: pattern, options: .regularExpression))
            let path = String(page.text[range])
            let token = String(path.dropFirst("/licenses/shared/".count))
            let shared = try await IdentityPagesTests.get(client, path)
            let sharedJSON = try await API.call(client, .get, "/api/v1/licenses/shared/\(token)", as: .nobody)
            let tooLong = try await API.call(
                client, .post, "/api/v1/me/licenses/\(id)/shares", as: .person(session),
                json: #"{"validForMinutes":20000}"#)
            let byAPI = try await API.call(
                client, .post, "/api/v1/me/licenses/\(id)/shares", as: .person(session), json: #"{"validForMinutes":5}"#
            )
            let stranger = try await API.call(
                client, .post, "/api/v1/me/licenses/\(id)/shares", as: .nobody, json: #"{"validForMinutes":5}"#)
            clock.advance(by: 31 * 60)
            let expired = try await IdentityPagesTests.get(client, path)
            let expiredJSON = try await API.call(client, .get, "/api/v1/licenses/shared/\(token)", as: .nobody)

            // Verify
            #expect(page.status == .ok && page.text.contains("分享链接已生成"))
            #expect(page.text.contains("shape-rendering=\"crispEdges\""), "the link is offered as a QR code too")
            #expect(shared.status == .ok && shared.text.contains("核验通过") && shared.text.contains("营业执照"))
            #expect(shared.text.contains("张*") && !shared.text.contains("<dd>张三</dd>"), "a stranger sees masked values")
            #expect(try sharedJSON.object()["verdict"] as? String == "valid")
            try API.expectProblem(tooLong, 422, "licenses.share-duration")
            #expect(byAPI.status == .created)
            let created = try byAPI.object()
            #expect(
                (created["url"] as? String)?.hasSuffix("/licenses/shared/\(created["token"] as? String ?? "-")") == true
            )
            try API.expectProblem(stranger, 401, "auth.person-required")
            #expect(expired.status == .notFound)
            try API.expectProblem(expiredJSON, 404, "licenses.share-gone")
        }
    }

    @Test("the applicant authorises a license for a material, the clerk reads it, the holder sees the use")
    func authoriseUse() async throws {
        try await API.run { client, platform in
            // Setup: a food-permit draft, whose 营业执照 (M02) a business license can stand for.
            let session = try await IdentityPagesTests.signIn(client)
            let licenseID = try await Self.businessLicense(client, session: session)
            let caseID = try await API.draftWithMaterials(client, as: .person(session))
            let clerk = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sl01")

            // Act
            let offered = try await API.call(client, .get, "/api/v1/cases/\(caseID)/licenses", as: .person(session))
            let wrongMaterial = try await API.call(
                client, .post, "/api/v1/cases/\(caseID)/licenses", as: .person(session),
                json: #"{"licenseID":"\#(licenseID)","materialCode":"M01"}"#)
            let page = try await IdentityPagesTests.post(
                client, "/me/cases/\(caseID)/licenses", ["licenseID": licenseID, "materialCode": "M02"],
                session: session)
            let after = try await IdentityPagesTests.get(client, page.headers[.location] ?? "-", session: session)
            let submitted = try await API.call(client, .post, "/api/v1/cases/\(caseID)/submit", as: .person(session))
            let read = try await API.call(client, .get, "/api/v1/staff/cases/\(caseID)/licenses", as: .staff(clerk))
            let readPage = try await client.execute(
                uri: "/staff/cases/\(caseID)/licenses", method: .get, headers: StaffLogin.headers(clerk))
            let uses = try await API.call(client, .get, "/api/v1/me/licenses/\(licenseID)/uses", as: .person(session))
            let holderPage = try await IdentityPagesTests.get(client, "/me/licenses/\(licenseID)", session: session)
            let stranger = try await API.call(client, .get, "/api/v1/cases/\(caseID)/licenses", as: .staff(clerk))

            // Verify: the offer.
            let materials = try #require(try offered.object()["items"] as? [[String: Any]])
            let m02 = try #require(materials.first { $0["code"] as? String == "M02" })
            let candidates = try #require(m02["candidates"] as? [[String: Any]])
            #expect(candidates.contains { $0["id"] as? String == licenseID })
            #expect(m02["authorised"] == nil)
            try API.expectProblem(wrongMaterial, 422, "licenses.use-material")
            // Verify: authorised on the page, and the case still submits.
            #expect(page.status == .seeOther)
            #expect(after.text.contains("已授权部门调用您的电子证照"))
            #expect(after.text.contains("已授权：营业执照"))
            #expect(submitted.status == .ok, "\(submitted.text.prefix(300))")
            // Verify: the clerk reads it in clear, twice (API and page), and each read is a use.
            let items = try #require(try read.object()["items"] as? [[String: Any]])
            #expect(items.count == 1 && items.first?["materialName"] as? String == "营业执照")
            let license = try #require(items.first?["license"] as? [String: Any])
            #expect((license["fields"] as? [String: String])?["legalRepresentative"] == "张三")
            #expect(readPage.status == .ok && readPage.text.contains("营业执照") && readPage.text.contains("<dd>张三</dd>"))
            let logged = try #require(try uses.object()["items"] as? [[String: Any]])
            #expect(logged.count == 2)
            #expect(logged.allSatisfy { $0["departmentName"] as? String == "市市场监督管理局" })
            #expect(holderPage.text.contains("谁用了我的证照") && holderPage.text.contains("市市场监督管理局"))
            try API.expectProblem(stranger, 401, "auth.person-required")
        }
    }
}
