import Cases
import CasesModel
import Foundation
import Identity
import Kernel
import Licenses
import StorageTesting
import Testing

@Suite("Licenses issued when a case is approved")
struct LicenseFromCaseTests {
    @Test(
        "an approved food-permit case issues a license into the applicant's wallet", arguments: TestDatabase.available)
    func approvedCase(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup: file, accept and approve a food permit as the applicant and the department.
            let applicant = CaseActor.applicant(
                accountID: fixture.applicantID, channel: .pc, clientAddress: "192.0.2.10")
            let form: FormData = [
                "businessName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "businessArea": "120",
                "businessType": "热食类食品制售", "contactPhone": "13800000000",
            ]
            let draft = try await fixture.cases.saveDraft(
                CaseApplication(itemCode: LicensesFixture.foodPermit, form: form, situations: ["S01"]), by: applicant)
            for code in ["M03", "M04"] {
                try await fixture.cases.attachMaterial(
                    draft.id, materialCode: code, fileName: "\(code).pdf", mediaType: "application/pdf",
                    content: Data("%PDF-1.7\n%zhengtong test\n".utf8), by: applicant)
            }
            let submitted = try await fixture.cases.submit(draft.id, by: applicant)
            _ = try await fixture.cases.accept(
                submitted.id, by: .init(staffID: fixture.staff("scj-sl01").staffID, channel: "web", clientAddress: "-"))
            for (step, username) in [("review", "scj-sp01"), ("decide", "scj-sp02"), ("conclude", "scj-sp01")] {
                let task = try #require(
                    try await fixture.cases.detail(submitted.id, by: .system).tasks.first {
                        $0.stepID == step && ($0.state == .open || $0.state == .claimed)
                    })
                _ = try await fixture.cases.decide(task.id, .approve, comment: "同意", by: fixture.staff(username))
            }

            // Act
            try await fixture.deliverConcludedEvents()
            let wallet = try await fixture.licenses.wallet(personID: fixture.applicantID)

            // Verify
            let license = try #require(wallet.first)
            #expect(wallet.count == 1)
            #expect(license.typeKey == "food-business-permit")
            #expect(license.caseID == submitted.id)
            #expect(license.fields["operatorName"] == "石家庄市长安区张三小吃店")
            #expect(license.fields["handledBy"] == "张三")
            #expect(try await fixture.licenses.verify(license.code).verdict == .valid)
            #expect(try await fixture.licenses.license(license.id, personID: fixture.applicantID) == license)
            #expect(try await fixture.licenses.pending(by: fixture.staff("scj-sp01")).isEmpty)
        }
    }
}

@Suite("Licenses of an enterprise in its people's wallets")
struct LicenseEnterpriseWalletTests {
    @Test(
        "the enterprise's representative and its current agent see its license; a stranger does not",
        arguments: TestDatabase.available)
    func enterpriseWallet(database: TestDatabase) async throws {
        try await LicensesFixture.with(database) { fixture in
            // Setup: a license held by the demo enterprise (张三 represents it, 王伟 is its agent), with no
            // representative id in its fields, so only the enterprise membership can put it in a wallet.
            let license = try await fixture.licenses.issue(
                IssueLicense(
                    typeKey: "food-business-permit",
                    fields: [
                        "operatorName": DemoEnterpriseRegistry.name, "creditCode": DemoEnterpriseRegistry.creditCode,
                        "businessType": "预包装食品销售", "premisesArea": "60", "handledBy": "王伟",
                    ]), by: fixture.staff("scj-sp01"))
            let stranger = try await fixture.identity.register(
                RegisterPerson(name: "李四", idNumber: "110101199001011237", phone: "13800000002", password: "政通演示2026"),
                context: LoginContext(channel: "web", clientAddress: "192.0.2.12", userAgent: "test"))

            // Act
            let representativeWallet = try await fixture.licenses.wallet(personID: fixture.applicantID)
            let agentWallet = try await fixture.licenses.wallet(personID: fixture.enterprise.agent.id)
            let strangerWallet = try await fixture.licenses.wallet(personID: stranger.id)

            // Verify
            #expect(representativeWallet.map(\.id).contains(license.id))
            #expect(agentWallet.map(\.id) == [license.id])
            #expect(strangerWallet.isEmpty)
        }
    }
}
