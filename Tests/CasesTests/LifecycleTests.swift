import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Case lifecycle")
struct LifecycleTests {
    @Test("an online application goes from draft to concluded approved", arguments: TestDatabase.available)
    func onlineToApproved(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let review = try #require(try await fixture.openTasks(accepted.id).first)

            // act
            _ = try await fixture.service.decide(review.id, .approve, comment: "材料齐全", by: fixture.staff("scj-sp01"))
            let decide = try #require(try await fixture.openTasks(accepted.id).first)
            _ = try await fixture.service.decide(decide.id, .approve, comment: "准予许可", by: fixture.staff("scj-sp02"))
            let conclude = try #require(try await fixture.openTasks(accepted.id).first)
            let concluded = try await fixture.service.decide(conclude.id, .approve, by: fixture.staff("scj-sp01"))

            // verify
            #expect(review.stepID == "review")
            #expect(decide.stepID == "decide")
            #expect(conclude.stepID == "conclude")
            #expect(concluded.state == .concluded)
            #expect(concluded.outcome == .approved)
            let number = try CaseNumber(parsing: try #require(concluded.number))
            #expect(number.division == "130100")
            #expect(number.day == CalendarDay(CasesFixture.start))
            #expect(try await fixture.openTasks(accepted.id).map(\.stepID) == ["deliver"])
            let types = try await fixture.outboxTypes()
            #expect(types.contains(CaseEventType.submitted.rawValue))
            #expect(types.contains(CaseEventType.accepted.rawValue))
            #expect(types.contains(CaseEventType.concluded.rawValue))
        }
    }
}
