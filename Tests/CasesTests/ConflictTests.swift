import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Task conflicts")
struct ConflictTests {
    @Test("two clerks deciding one task at once: exactly one succeeds", arguments: TestDatabase.available)
    func concurrentDecisions(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let review = try await fixture.openTask(accepted.id, step: "review")
            let service = fixture.service
            let (first, second) = (fixture.staff("scj-sp01"), fixture.staff("scj-sp02"))

            // act
            let outcomes = await withTaskGroup(of: Result<CaseRecord, DomainError>.self) { group in
                for (clerk, comment) in [(first, "甲意见"), (second, "乙意见")] {
                    group.addTask {
                        do {
                            return .success(
                                try await service.decide(
                                    review.id, .approve, comment: comment, expectedRevision: review.revision, by: clerk)
                            )
                        } catch let error as DomainError {
                            return .failure(error)
                        } catch {
                            return .failure(DomainError(.invalid, code: "unexpected", title: "", detail: "\(error)"))
                        }
                    }
                }
                var all: [Result<CaseRecord, DomainError>] = []
                for await outcome in group { all.append(outcome) }
                return all
            }

            // verify
            let successes = outcomes.compactMap { try? $0.get() }
            let failures = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            #expect(successes.count == 1)
            #expect(failures.map(\.code) == ["cases.task-decided"])
            let detail = try await fixture.service.detail(accepted.id, by: .system)
            #expect(detail.events.filter { $0.kind == .decided }.count == 1)
            #expect(detail.tasks.filter { $0.stepID == "decide" }.count == 1)
            let done = try #require(detail.tasks.first { $0.id == review.id })
            #expect(done.state == .done)
            #expect(done.comment == "甲意见" || done.comment == "乙意见")
        }
    }

    @Test("a stale expected revision is refused", arguments: TestDatabase.available)
    func staleRevision(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: the task changes after the clerk looked at it
            let accepted = try await fixture.acceptedFoodCase()
            let seen = try await fixture.openTask(accepted.id, step: "review")
            let clerk = fixture.staff("scj-sp01")
            _ = try await fixture.service.claim(seen.id, by: clerk)
            _ = try await fixture.service.release(seen.id, by: clerk)

            // act + verify
            await expectDomainError("cases.task-decided") {
                try await fixture.service.decide(seen.id, .approve, expectedRevision: seen.revision, by: clerk)
            }
            let current = try await fixture.service.task(seen.id, by: clerk)
            #expect(current.state == .open)
            #expect(current.revision == seen.revision + 2)
            _ = try await fixture.service.decide(seen.id, .approve, expectedRevision: current.revision, by: clerk)
            #expect(try await fixture.service.task(seen.id, by: clerk).state == .done)
        }
    }

    @Test("a claimed task is decided only by its holder and released only by them", arguments: TestDatabase.available)
    func claims(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let accepted = try await fixture.acceptedFoodCase()
            let review = try await fixture.openTask(accepted.id, step: "review")
            let (holder, other) = (fixture.staff("scj-sp01"), fixture.staff("scj-sp02"))

            // act
            let claimed = try await fixture.service.claim(review.id, by: holder)

            // verify
            #expect(claimed.state == .claimed)
            #expect(claimed.assignee == holder.staffID)
            await expectDomainError("cases.task-claimed") {
                try await fixture.service.decide(review.id, .approve, by: other)
            }
            await expectDomainError("cases.task-not-yours") {
                try await fixture.service.release(review.id, by: other)
            }
            await expectDomainError("cases.task-taken") {
                try await fixture.service.claim(review.id, by: other)
            }
            let mine = try await fixture.service.queue(by: holder, mine: true)
            #expect(mine.map(\.task.id) == [review.id])
            #expect(try await fixture.service.queue(by: other, mine: true).isEmpty)
            _ = try await fixture.service.decide(review.id, .approve, by: holder)
            #expect(try await fixture.openTasks(accepted.id).map(\.stepID) == ["decide"])
        }
    }
}
