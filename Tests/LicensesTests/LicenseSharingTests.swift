import Cases
import CasesModel
import Foundation
import Identity
import Kernel
import Licenses
import StorageTesting
import Testing

@Suite("Licenses: shares, use instead of paper, legacy import")
struct LicenseSharingTests {
    @Test("a share link verifies until it expires, and only the holder can make one", arguments: TestDatabase.available)
    func share(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup: a business license whose legal representative is the demo citizen.
            let license = try await fixture.issuedBusinessLicense()

            // Act
            let share = try await fixture.licenses.share(license.id, personID: fixture.applicantID, validForMinutes: 30)
            let opened = try await fixture.licenses.openShare(share.token)
            fixture.clock.advance(by: 31 * 60)

            // Verify
            #expect(opened.verdict == .valid)
            #expect(opened.claims?.identifier == license.identifier)
            await #expect(throws: DomainError.self) { try await fixture.licenses.openShare(share.token) }
            await #expect(throws: DomainError.self) { try await fixture.licenses.openShare("forged-token") }
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.share(license.id, personID: UUID(), validForMinutes: 30)
            }
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.share(license.id, personID: fixture.applicantID, validForMinutes: 99_999)
            }
        }
    }

    @Test(
        "an authorised license stands in for a material; the clerk's look is logged for the holder",
        arguments: TestDatabase.available)
    func useInsteadOfPaper(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup: the citizen holds a business license and files a food permit, whose M02 is a business license.
            let business = try await fixture.issuedBusinessLicense()
            let applicant = CaseActor.applicant(accountID: fixture.applicantID, channel: .pc, clientAddress: "-")
            let draft = try await fixture.cases.saveDraft(
                CaseApplication(
                    itemCode: LicensesFixture.foodPermit,
                    form: [
                        "businessName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "businessArea": "120",
                        "businessType": "热食类食品制售", "contactPhone": "13800000000",
                    ], situations: ["S01"]), by: applicant)

            // Act
            let before = try await fixture.licenses.authorisableLicenses(
                caseID: draft.id, personID: fixture.applicantID)
            _ = try await fixture.licenses.authoriseUse(
                business.id, caseID: draft.id, materialCode: "M02", personID: fixture.applicantID)
            let seen = try await fixture.licenses.licensesInCase(draft.id, by: fixture.staff("scj-sp01"))
            let uses = try await fixture.licenses.uses(business.id, personID: fixture.applicantID)

            // Verify
            let m02 = try #require(before.first { $0.code == "M02" })
            #expect(m02.candidates.map(\.id) == [business.id])
            #expect(m02.authorised == nil)
            #expect(seen.map(\.license.id) == [business.id])
            #expect(seen.first?.materialName == "营业执照")
            #expect(seen.first?.license.fields["legalRepresentative"] == "张三")
            #expect(uses.count == 1)
            #expect(uses.first?.departmentName == "市市场监督管理局")
            #expect(uses.first?.actor == fixture.staff("scj-sp01").auditActor.id)
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.authoriseUse(
                    business.id, caseID: draft.id, materialCode: "M03", personID: fixture.applicantID)
            }
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.licensesInCase(draft.id, by: fixture.staff("gaj-hz01"))
            }
            #expect(try await fixture.licenses.uses(business.id, personID: fixture.applicantID).count == 1)
        }
    }

    @Test(
        "a legacy CSV imports its good rows and lists every bad one with its reason", arguments: TestDatabase.available)
    func legacyImport(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup: a quoted comma, a bad credit code, a missing required field, a short row.
            let csv = """
                operatorName,creditCode,businessType,premisesArea,handledBy,issuedOn
                "张三小吃店, 长安分店",91130102MA0G8XKQ5Q,热食类食品制售,80,王五,2019-06-01
                坏代码小吃店,91130102MA0G8XKQ5X,热食类食品制售,80,王五,
                缺项目小吃店,91130102MA0G8XKQ5Q,,80,王五,
                只有两列,x
                """

            // Act
            let report = try await fixture.licenses.importLegacy(
                typeKey: "food-business-permit", csv: csv, by: fixture.staff("scj-sp01"))
            let stored = try await fixture.licenses.issued(by: fixture.staff("scj-sp01"))

            // Verify
            #expect(report.imported.count == 1)
            #expect(report.rejected.map(\.row) == [2, 3, 4])
            #expect(report.rejected[0].reason.contains("统一社会信用代码"))
            #expect(report.rejected[1].reason.contains("经营项目不能为空"))
            #expect(stored.count == 1)
            #expect(stored.first?.fields["operatorName"] == "张三小吃店, 长安分店")
            #expect(stored.first?.issuedOn.description == "2019-06-01")
            #expect(stored.first?.validUntil?.description == "2024-05-31")
            let expired = try await fixture.licenses.verify(try #require(stored.first).code)
            #expect(expired.verdict == .expired)
            await #expect(throws: DomainError.self) {
                try await fixture.licenses.importLegacy(
                    typeKey: "food-business-permit", csv: "name,foo\n1,2", by: fixture.staff("scj-sp01"))
            }
        }
    }
}
