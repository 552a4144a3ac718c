import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Data scopes on cases")
struct ScopeTests {
    @Test("staff of another department neither see nor decide a case", arguments: TestDatabase.available)
    func otherDepartment(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let review = try await fixture.openTask(accepted.id, step: "review")
            let outsider = fixture.staff("rsj-jy01")

            // act + verify
            await expectDomainError("cases.not-found") {
                try await fixture.service.detail(accepted.id, by: .staff(outsider))
            }
            await expectDomainError("cases.not-found") {
                try await fixture.service.clockReadings(accepted.id, by: .staff(outsider))
            }
            await expectDomainError("cases.task-not-found") {
                try await fixture.service.decide(review.id, .approve, by: outsider)
            }
            await expectDomainError("cases.task-not-found") {
                try await fixture.service.claim(review.id, by: outsider)
            }
            await expectDomainError("cases.not-found") {
                try await fixture.service.extend(accepted.id, days: 5, reason: "复杂", by: outsider)
            }
            #expect(try await fixture.openTask(accepted.id, step: "review").state == .open)
        }
    }

    @Test("the queue holds the tasks of the departments a clerk reaches", arguments: TestDatabase.available)
    func queues(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let submitted = try await fixture.submittedFoodCase()

            // act
            let approver = try await fixture.service.queue(by: fixture.staff("scj-sp01"))
            let intake = try await fixture.service.queue(by: fixture.staff("scj-sl01"))
            let outsider = try await fixture.service.queue(by: fixture.staff("rsj-jy01"))

            // verify: the approver sees the review, the intake clerk the acceptance
            #expect(approver.map(\.record.id) == [accepted.id])
            #expect(approver.map(\.task.stepID) == ["review"])
            #expect(approver.first?.colour == .green)
            #expect(intake.map(\.record.id) == [submitted.id])
            #expect(intake.map(\.task.stepID) == ["accept"])
            #expect(outsider.isEmpty)
        }
    }

    @Test("an applicant cannot reach another applicant's case", arguments: TestDatabase.available)
    func otherApplicant(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let stranger = try await fixture.registerApplicant(
                name: "李四", idNumber: "130102198506124523", phone: "13800000001")

            // act + verify
            await expectDomainError("cases.not-found") {
                try await fixture.service.detail(accepted.id, by: stranger)
            }
            await expectDomainError("cases.not-found") {
                try await fixture.service.materials(accepted.id, by: stranger)
            }
            await expectDomainError("cases.not-found") {
                try await fixture.service.withdraw(accepted.id, reason: "", by: stranger)
            }
            await expectDomainError("cases.not-found") {
                try await fixture.service.attachMaterial(
                    accepted.id, materialCode: "M01", fileName: "a.pdf", mediaType: "application/pdf",
                    content: CasesFixture.pdf, by: stranger)
            }
            let strangerID = try #require(CasesFixture.accountID(of: stranger))
            #expect(try await fixture.service.myCases(strangerID).isEmpty)
            #expect(try await fixture.service.myCases(fixture.applicantID).map(\.id) == [accepted.id])
            #expect(try await fixture.service.detail(accepted.id, by: fixture.applicant).record.state == .inProgress)
        }
    }
}
