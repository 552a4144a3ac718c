import Cases
import CasesModel
import Foundation
import Kernel
import SQLKit
import StorageTesting
import Testing

@Suite("Workflow engine: countersigning, returns and denials")
struct CountersignTests {
    /// A 1200 m² food permit past its review: the site inspection's three branches are open.
    static func atInspection(_ fixture: CasesFixture) async throws -> (CaseRecord, [CaseTask]) {
        let accepted = try await fixture.acceptedFoodCase(area: 1200)
        try await fixture.decide(accepted.id, step: "review", as: "scj-sp01")
        let branches = try await fixture.openTasks(accepted.id)
        return (accepted, branches)
    }

    @Test(
        "a quorum of 2 of 3 needs two different people and cancels the third branch", arguments: TestDatabase.available)
    func quorum(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let (record, branches) = try await Self.atInspection(fixture)
            #expect(branches.map(\.stepID) == ["site-inspection", "site-inspection", "site-inspection"])
            #expect(Set(branches.compactMap(\.branchID)) == ["inspector-1", "inspector-2", "inspector-3"])

            // act: one approval
            _ = try await fixture.service.decide(branches[0].id, .approve, by: fixture.staff("scj-sp01"))
            let afterOne = try await fixture.openTasks(record.id)

            // verify: still at the inspection; the same person cannot sign a second branch
            #expect(afterOne.map(\.stepID) == ["site-inspection", "site-inspection"])
            await expectDomainError("cases.already-signed") {
                try await fixture.service.decide(branches[1].id, .approve, by: fixture.staff("scj-sp01"))
            }
            #expect(try await fixture.openTasks(record.id).count == 2)

            // act: a second approval by someone else
            _ = try await fixture.service.decide(branches[1].id, .approve, by: fixture.staff("scj-sp02"))

            // verify
            let detail = try await fixture.service.detail(record.id, by: .system)
            #expect(detail.tasks.first { $0.id == branches[2].id }?.state == .cancelled)
            #expect(try await fixture.openTasks(record.id).map(\.stepID) == ["decide"])
            #expect(detail.events.contains { $0.kind == .stepCompleted && $0.stepID == "site-inspection" })
        }
    }

    @Test("two denials make the quorum unreachable and send the case back to review", arguments: TestDatabase.available)
    func quorumFails(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let (record, branches) = try await Self.atInspection(fixture)

            // act
            _ = try await fixture.service.decide(
                branches[0].id, .deny, comment: "排水设施不合格", by: fixture.staff("scj-sp01"))
            let afterOne = try await fixture.openTasks(record.id)
            _ = try await fixture.service.decide(branches[1].id, .deny, comment: "面积不符", by: fixture.staff("scj-sp02"))

            // verify
            #expect(afterOne.count == 2)
            #expect(try await fixture.openTasks(record.id).map(\.stepID) == ["review"])
            let detail = try await fixture.service.detail(record.id, by: .system)
            #expect(detail.record.state == .inProgress)
            let returned = try #require(detail.events.last { $0.kind == .returned })
            #expect(returned.detail.toStep == "review")
            #expect(returned.detail.reason?.contains("面积不符") == true)
            #expect(detail.tasks.first { $0.id == branches[2].id }?.state == .cancelled)
            #expect(try await fixture.outboxTypes().contains(CaseEventType.returned.rawValue))
        }
    }

    @Test(
        "a return goes only where returnTo allows, and reopens review with the reason",
        arguments: TestDatabase.available)
    func sendBack(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            try await fixture.decide(accepted.id, step: "review", as: "scj-sp01")
            let decide = try await fixture.openTask(accepted.id, step: "decide")

            // act + verify: accept is not in decide's returnTo; a return needs a reason
            await expectDomainError("cases.return-not-allowed") {
                try await fixture.service.decide(
                    decide.id, .sendBack(to: "accept"), comment: "重新受理", by: fixture.staff("scj-sp02"))
            }
            await expectDomainError("cases.text-required") {
                try await fixture.service.decide(decide.id, .sendBack(to: "review"), by: fixture.staff("scj-sp02"))
            }
            #expect(try await fixture.openTasks(accepted.id).map(\.id) == [decide.id])

            // act
            _ = try await fixture.service.decide(
                decide.id, .sendBack(to: "review"), comment: "请核实经营项目", by: fixture.staff("scj-sp02"))

            // verify
            let detail = try await fixture.service.detail(accepted.id, by: .system)
            #expect(try await fixture.openTasks(accepted.id).map(\.stepID) == ["review"])
            let returned = try #require(detail.events.last { $0.kind == .returned })
            #expect(returned.stepID == "decide")
            #expect(returned.detail.toStep == "review")
            #expect(returned.detail.reason == "请核实经营项目")
            #expect(detail.tasks.first { $0.id == decide.id }?.decision == "return")
        }
    }

    @Test("a denial on decide concludes the case denied; review cannot deny", arguments: TestDatabase.available)
    func deny(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let review = try await fixture.openTask(accepted.id, step: "review")

            // act + verify: review has a single actor and no denial
            await expectDomainError("cases.deny-not-allowed") {
                try await fixture.service.decide(review.id, .deny, comment: "不符合", by: fixture.staff("scj-sp01"))
            }
            #expect(try await fixture.openTasks(accepted.id).map(\.id) == [review.id])

            // act
            try await fixture.decide(accepted.id, step: "review", as: "scj-sp01")
            let denied = try await fixture.decide(
                accepted.id, step: "decide", .deny, comment: "经营场所不符合食品安全要求", as: "scj-sp02")

            // verify
            #expect(denied.state == .concluded)
            #expect(denied.outcome == .denied)
            #expect(try await fixture.openTasks(accepted.id).isEmpty)
            let concluded = try #require(
                try await fixture.service.detail(accepted.id, by: .system).events.last { $0.kind == .concluded })
            #expect(concluded.detail.outcome == .denied)
            #expect(concluded.detail.result?["outcome"] == "denied")
            let payload = try await fixture.database.read { sql in
                try await sql.raw(
                    "SELECT payload FROM zt_outbox WHERE event_type = \(bind: CaseEventType.concluded.rawValue)"
                ).first()?.decode(column: "payload", as: String.self)
            }
            #expect(try #require(payload).contains("denied"))
        }
    }
}
