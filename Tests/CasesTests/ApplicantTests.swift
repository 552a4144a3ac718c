import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Applicant side: my cases, withdrawal, progress query")
struct ApplicantTests {
    @Test(
        "withdrawing a case in progress cancels its tasks and publishes CaseWithdrawn",
        arguments: TestDatabase.available)
    func withdraw(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            fixture.moveTo(try .y2026(4, 30))

            // act
            let withdrawn = try await fixture.service.withdraw(accepted.id, reason: "不再经营", by: fixture.applicant)

            // verify
            #expect(withdrawn.state == .withdrawn)
            #expect(withdrawn.concludedAt == (try CalendarDay.y2026(4, 30)).startDate.addingTimeInterval(36_000))
            #expect(try await fixture.openTasks(accepted.id).isEmpty)
            #expect(try await fixture.outboxTypes().contains(CaseEventType.withdrawn.rawValue))
            let clocks = try await fixture.service.clockReadings(accepted.id, by: fixture.applicant)
            #expect(clocks.promised.stoppedOn == (try .y2026(4, 30)))
            #expect(clocks.promised.onTime == true)
            await expectDomainError("cases.final") {
                try await fixture.service.withdraw(accepted.id, reason: "", by: fixture.applicant)
            }
        }
    }

    @Test("a concluded case cannot be withdrawn", arguments: TestDatabase.available)
    func withdrawConcluded(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let concluded = try await fixture.concludedFoodCase()

            // act + verify
            await expectDomainError("cases.final") {
                try await fixture.service.withdraw(concluded.id, reason: "", by: fixture.applicant)
            }
            let after = try await fixture.service.detail(concluded.id, by: fixture.applicant)
            #expect(after.record.state == .concluded)
            #expect(after.record.outcome == .approved)
        }
    }

    @Test("我的办件 lists the applicant's cases newest first", arguments: TestDatabase.available)
    func myCases(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let first = try await fixture.submittedFoodCase()
            fixture.moveTo(try .y2026(4, 29))
            let second = try await fixture.acceptedFoodCase()

            // act
            let mine = try await fixture.service.myCases(fixture.applicantID)

            // verify
            #expect(mine.map(\.id) == [second.id, first.id])
            #expect(mine.map(\.state) == [.inProgress, .submitted])
            #expect(mine.allSatisfy { $0.applicantNameMasked != "张三" && !$0.applicantIDMasked.contains("19900307") })
        }
    }

    @Test(
        "the progress query needs the number and the ID tail, and shows no comments", arguments: TestDatabase.available)
    func progress(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            try await fixture.decide(accepted.id, step: "review", comment: "内部意见：现场照片模糊", as: "scj-sp01")
            let number = try #require(accepted.number)
            let unknown = try CaseNumber(division: "130100", day: .y2026(4, 28), serial: 99)
            let lastDigit = Int(String(number.suffix(1))) ?? 0
            let mistyped = String(number.dropLast()) + String((lastDigit + 1) % 10)

            // act
            let progress = try await fixture.service.progress(number: number, idTail: "071233")
            let grouped = try await fixture.service.progress(
                number: try CaseNumber(parsing: number).grouped, idTail: "1233")

            // verify
            #expect(progress.number == number)
            #expect(progress.state == .inProgress)
            #expect(progress.deadline == "2026-05-08")
            #expect(progress.timeline.map(\.label) == ["提交申请", "受理", "环节完成"])
            #expect(!"\(progress)".contains("现场照片"))
            #expect(grouped == progress)
            await expectDomainError("cases.progress-not-found") {
                try await fixture.service.progress(number: number, idTail: "071234")
            }
            await expectDomainError("cases.progress-not-found") {
                try await fixture.service.progress(number: unknown.rawValue, idTail: "071233")
            }
            await expectDomainError("cases.case-number-invalid-check-digit") {
                try await fixture.service.progress(number: mistyped, idTail: "071233")
            }
            await expectDomainError("cases.case-number-invalid-length") {
                try await fixture.service.progress(number: "12345", idTail: "071233")
            }
            await expectDomainError("cases.id-tail") {
                try await fixture.service.progress(number: number, idTail: "33")
            }
        }
    }
}
