import Cases
import CasesModel
import Foundation
import Kernel
import SQLKit
import StorageTesting
import Testing

@Suite("One window (一窗受理)")
struct WindowTests {
    static let walkIn = CaseApplicant(
        accountID: nil, kind: .person, name: "王五", idNumber: "130105199208153186", phone: "13800000002")

    @Test("a window clerk files, corrects and accepts for a walk-in applicant", arguments: TestDatabase.available)
    func walkIn(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let window = fixture.staff("window01", channel: "counter")
            await expectDomainError("cases.applicant-id") {
                var wrong = Self.walkIn
                wrong.idNumber = "130105199208153187"
                return try await fixture.service.saveDraft(
                    CaseApplication(
                        itemCode: CasesFixture.foodPermit, form: CasesFixture.foodForm(), situations: ["S01"]),
                    applicant: wrong, by: .staff(window))
            }

            // act: draft, paper materials, submission
            let draft = try await fixture.service.saveDraft(
                CaseApplication(itemCode: CasesFixture.foodPermit, form: CasesFixture.foodForm(), situations: ["S01"]),
                applicant: Self.walkIn, by: .staff(window))
            for code in ["M03", "M04"] {
                let paper = try await fixture.service.recordPaperMaterial(draft.id, materialCode: code, by: window)
                #expect(paper.onPaper)
                #expect(paper.sha256 == nil)
            }
            let submitted = try await fixture.service.submit(draft.id, by: .staff(window))

            // verify: the window's own case, the applicant masked
            #expect(draft.originChannel == .window)
            #expect(draft.applicantAccount == nil)
            #expect(!draft.applicantIDMasked.contains("19920815"))
            #expect(submitted.state == .submitted)
            #expect(try await fixture.service.windowCases(by: window).map(\.id) == [draft.id])

            // act + verify: another department's staff cannot take it in
            await expectDomainError("cases.not-found") {
                try await fixture.service.accept(draft.id, by: fixture.staff("rsj-jy01"))
            }

            // act: the department asks for a correction, the window answers on paper
            _ = try await fixture.service.requestCorrection(
                draft.id, items: [CorrectionItem(materialCode: "M03", materialName: "", problem: "缺少签字")],
                by: fixture.staff("scj-sl01"))
            fixture.moveTo(try .y2026(4, 29))
            try await fixture.service.recordPaperMaterial(draft.id, materialCode: "M03", by: window)
            let answered = try await fixture.service.answerCorrection(draft.id, by: .staff(window))
            let accepted = try await fixture.service.accept(draft.id, comment: "窗口受理", by: window)

            // verify
            #expect(answered.state == .submitted)
            #expect(accepted.state == .inProgress)
            #expect(accepted.originChannel == .window)
            #expect(accepted.lastChannel == .window)
            #expect(try await fixture.openTasks(draft.id).map(\.stepID) == ["review"])
            let progress = try await fixture.service.progress(number: try #require(accepted.number), idTail: "153186")
            #expect(progress.state == .inProgress)
        }
    }

    @Test("the window cannot file without applicant details, nor can the platform", arguments: TestDatabase.available)
    func applicantRequired(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let application = CaseApplication(
                itemCode: CasesFixture.foodPermit, form: CasesFixture.foodForm(), situations: ["S01"])

            // act + verify
            await expectDomainError("cases.applicant-required") {
                try await fixture.service.saveDraft(application, by: .staff(fixture.staff("window01")))
            }
            await expectDomainError("cases.forbidden") {
                try await fixture.service.saveDraft(application, applicant: Self.walkIn, by: .system)
            }
            await expectDomainError("identity.forbidden") {
                try await fixture.service.saveDraft(
                    application, applicant: Self.walkIn, by: .staff(fixture.staff("rsj-jy01")))
            }
            let count = try await fixture.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM case_cases").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }
}
