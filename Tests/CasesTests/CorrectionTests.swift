import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Correction notices (一次性告知)")
struct CorrectionTests {
    static let lines = [
        CorrectionItem(materialCode: "M03", materialName: "", problem: "缺少法定代表人签字"),
        CorrectionItem(materialCode: "M04", materialName: "", problem: "布局图未标注面积"),
    ]

    @Test(
        "a correction before acceptance is one itemised notice, answered with the listed materials",
        arguments: TestDatabase.available)
    func beforeAcceptance(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let submitted = try await fixture.submittedFoodCase()
            let clerk = fixture.staff("scj-sl01")

            // act: the notice
            let waiting = try await fixture.service.requestCorrection(submitted.id, items: Self.lines, by: clerk)
            let noticed = try await fixture.service.detail(submitted.id, by: fixture.applicant)

            // verify: itemised, named from the guide, the accept task withdrawn
            #expect(waiting.state == .correction)
            #expect(noticed.correction.map(\.materialName) == ["食品安全管理制度文本", "经营场所平面布局图和设备布局图"])
            #expect(noticed.correction.map(\.problem) == ["缺少法定代表人签字", "布局图未标注面积"])
            #expect(try await fixture.openTasks(submitted.id).isEmpty)
            #expect(try await fixture.outboxTypes().contains(CaseEventType.correctionRequested.rawValue))

            // act + verify: answering with one of the two materials is refused
            fixture.moveTo(try .y2026(4, 29))
            try await fixture.service.attachMaterial(
                submitted.id, materialCode: "M03", fileName: "制度.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            await expectDomainError("cases.correction-incomplete") {
                try await fixture.service.answerCorrection(submitted.id, by: fixture.applicant)
            }
            #expect(try await fixture.service.detail(submitted.id, by: .system).record.state == .correction)

            // act + verify: with both, the case waits for acceptance again
            try await fixture.service.attachMaterial(
                submitted.id, materialCode: "M04", fileName: "布局图.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            let answered = try await fixture.service.answerCorrection(submitted.id, by: fixture.applicant)
            #expect(answered.state == .submitted)
            #expect(try await fixture.openTasks(submitted.id).map(\.stepID) == ["accept"])
            #expect(answered.number == submitted.number)

            // act + verify: a second notice before acceptance is refused
            await expectDomainError("cases.correction-once") {
                try await fixture.service.requestCorrection(submitted.id, items: [Self.lines[0]], by: clerk)
            }
            #expect(try await fixture.service.detail(submitted.id, by: .system).record.state == .submitted)
        }
    }

    @Test("a notice lists only the item's materials, each once", arguments: TestDatabase.available)
    func badNotices(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let submitted = try await fixture.submittedFoodCase()
            let clerk = fixture.staff("scj-sl01")

            // act + verify
            await expectDomainError("cases.correction-items") {
                try await fixture.service.requestCorrection(submitted.id, items: [], by: clerk)
            }
            await expectDomainError("cases.correction-items") {
                try await fixture.service.requestCorrection(
                    submitted.id, items: [Self.lines[0], Self.lines[0]], by: clerk)
            }
            await expectDomainError("cases.correction-material") {
                try await fixture.service.requestCorrection(
                    submitted.id, items: [CorrectionItem(materialCode: "M99", materialName: "", problem: "缺")],
                    by: clerk)
            }
            #expect(try await fixture.service.detail(submitted.id, by: .system).record.state == .submitted)
        }
    }

    @Test("a correction after acceptance stops the clock for the days in correction", arguments: TestDatabase.available)
    func afterAcceptance(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: accepted Tue 04-28, promised 5 working days → 05-08
            let accepted = try await fixture.acceptedFoodCase()
            #expect(accepted.deadline == (try .y2026(5, 8)))
            let review = try await fixture.openTask(accepted.id, step: "review")

            // act: notice on Thu 04-30 (2 days counted), answer on Thu 05-07
            fixture.moveTo(try .y2026(4, 30))
            let waiting = try await fixture.service.requestCorrection(
                accepted.id, items: [Self.lines[0]], by: fixture.staff("scj-sp01"))
            let paused = try await fixture.service.clockReadings(accepted.id, by: fixture.applicant)
            fixture.moveTo(try .y2026(5, 7))
            try await fixture.service.attachMaterial(
                accepted.id, materialCode: "M03", fileName: "制度.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            let answered = try await fixture.service.answerCorrection(accepted.id, by: fixture.applicant)
            let clocks = try await fixture.service.clockReadings(accepted.id, by: fixture.applicant)

            // verify: 05-06 and 05-07 are not counted, so the deadline moves two working days,
            // over the 调休 Saturday 05-09, to Mon 05-11
            #expect(waiting.state == .correction)
            #expect(paused.promised.paused)
            #expect(paused.promised.pauseReason == .correction)
            #expect(paused.promised.usedDays == 2)
            #expect(answered.state == .inProgress)
            #expect(answered.deadline == (try .y2026(5, 11)))
            #expect(clocks.promised.pausedDays == 2)
            #expect(clocks.promised.usedDays == 2)
            #expect(clocks.promised.running)
            let reopened = try await fixture.openTask(accepted.id, step: "review")
            #expect(reopened.id != review.id)

            // act + verify: a second notice after acceptance is refused
            await expectDomainError("cases.correction-once") {
                try await fixture.service.requestCorrection(
                    accepted.id, items: [Self.lines[1]], by: fixture.staff("scj-sp01"))
            }
        }
    }
}
