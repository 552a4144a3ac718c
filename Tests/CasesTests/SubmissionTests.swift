import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Case submission")
struct SubmissionTests {
    @Test(
        "a form with a missing field or a bad credit code is refused and the draft stays",
        arguments: TestDatabase.available)
    func formErrors(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            var missing = CasesFixture.foodForm()
            missing["businessName"] = nil
            var badCode = CasesFixture.foodForm()
            badCode["creditCode"] = "91130102MA0G8XKQ5X"
            var drafts: [CaseRecord] = []
            for form in [missing, badCode] {
                let draft = try await fixture.service.saveDraft(
                    CaseApplication(itemCode: CasesFixture.foodPermit, form: form, situations: ["S01"]),
                    by: fixture.applicant)
                for code in ["M03", "M04"] {
                    try await fixture.service.attachMaterial(
                        draft.id, materialCode: code, fileName: "\(code).pdf", mediaType: "application/pdf",
                        content: CasesFixture.pdf, by: fixture.applicant)
                }
                drafts.append(draft)
            }

            // act + verify
            for draft in drafts {
                await expectDomainError("cases.form-invalid") {
                    try await fixture.service.submit(draft.id, by: fixture.applicant)
                }
                let after = try await fixture.service.detail(draft.id, by: fixture.applicant)
                #expect(after.record.state == .draft)
                #expect(after.record.number == nil)
                #expect(!after.events.contains { $0.kind == .submitted })
            }
            #expect(try await fixture.outboxTypes().isEmpty)
        }
    }

    @Test("a missing required material is refused and nothing changes", arguments: TestDatabase.available)
    func missingMaterial(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: the 餐饮服务 situation asks for M04 too
            let draft = try await fixture.service.saveDraft(
                CaseApplication(itemCode: CasesFixture.foodPermit, form: CasesFixture.foodForm(), situations: ["S01"]),
                by: fixture.applicant)
            try await fixture.service.attachMaterial(
                draft.id, materialCode: "M03", fileName: "制度.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)

            // act + verify
            await expectDomainError("cases.materials-missing") {
                try await fixture.service.submit(draft.id, by: fixture.applicant)
            }
            let after = try await fixture.service.detail(draft.id, by: fixture.applicant)
            #expect(after.record.state == .draft)
            #expect(after.record.number == nil)
            #expect(after.tasks.isEmpty)
            #expect(try await fixture.queuedJobs("cases.auto-accept").isEmpty)
        }
    }

    @Test("case numbers are valid and count per division and day", arguments: TestDatabase.available)
    func numbers(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // act
            let first = try await fixture.submittedFoodCase()
            let second = try await fixture.submittedFoodCase()
            fixture.moveTo(try .y2026(4, 29))
            let nextDay = try await fixture.submittedFoodCase()

            // verify
            let numbers = try [first, second, nextDay].map { try CaseNumber(parsing: try #require($0.number)) }
            #expect(numbers.map(\.division) == ["130100", "130100", "130100"])
            #expect(numbers.map(\.day) == [try .y2026(4, 28), try .y2026(4, 28), try .y2026(4, 29)])
            #expect(numbers.map(\.serial) == [1, 2, 1])
            #expect(first.state == .submitted)
            #expect(first.submittedAt == CasesFixture.start)
        }
    }

    @Test("a second submission is a conflict", arguments: TestDatabase.available)
    func submitTwice(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let submitted = try await fixture.submittedFoodCase()

            // act + verify
            await expectDomainError("cases.not-draft") {
                try await fixture.service.submit(submitted.id, by: fixture.applicant)
            }
            let after = try await fixture.service.detail(submitted.id, by: fixture.applicant)
            #expect(after.record.number == submitted.number)
            #expect(after.events.filter { $0.kind == .submitted }.count == 1)
        }
    }

    @Test("an upload of a wrong type, size or content is refused", arguments: TestDatabase.available)
    func badUploads(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let draft = try await fixture.service.saveDraft(
                CaseApplication(itemCode: CasesFixture.foodPermit, form: CasesFixture.foodForm(), situations: ["S01"]),
                by: fixture.applicant)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
            let tooLarge = CasesFixture.pdf + Data(count: 10 * 1024 * 1024)
            let cases: [(String, String, Data)] = [
                ("cases.material-type", "application/zip", Data("PK\u{3}\u{4}".utf8)),
                ("cases.material-size", "application/pdf", Data()),
                ("cases.material-size", "application/pdf", tooLarge),
                ("cases.material-content", "application/pdf", png),
                ("cases.material-content", "image/jpeg", CasesFixture.pdf),
            ]

            // act + verify
            for (code, mediaType, content) in cases {
                await expectDomainError(code) {
                    try await fixture.service.attachMaterial(
                        draft.id, materialCode: "M03", fileName: "a.pdf", mediaType: mediaType, content: content,
                        by: fixture.applicant)
                }
            }
            #expect(try await fixture.service.materials(draft.id, by: fixture.applicant).isEmpty)
            let good = try await fixture.service.attachMaterial(
                draft.id, materialCode: "M03", fileName: "dir/图.png", mediaType: "image/png", content: png,
                by: fixture.applicant)
            #expect(good.fileName == "图.png")
            #expect(good.sha256?.count == 64)
        }
    }
}
