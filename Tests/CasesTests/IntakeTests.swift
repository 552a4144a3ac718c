import Cases
import CasesModel
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Case intake")
struct IntakeTests {
    @Test("accepting opens the review and starts the clock", arguments: TestDatabase.available)
    func accept(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let submitted = try await fixture.submittedFoodCase()
            let acceptTask = try await fixture.openTask(submitted.id, step: "accept")

            // act
            let accepted = try await fixture.service.accept(
                submitted.id, comment: "材料齐全", by: fixture.staff("scj-sl01"))

            // verify
            #expect(accepted.state == .inProgress)
            #expect(accepted.acceptedAt == CasesFixture.start)
            #expect(accepted.deadline == (try .y2026(5, 8)))
            let detail = try await fixture.service.detail(submitted.id, by: .system)
            #expect(detail.tasks.first { $0.id == acceptTask.id }?.state == .done)
            #expect(try await fixture.openTasks(submitted.id).map(\.stepID) == ["review"])
            #expect(try await fixture.outboxTypes().contains(CaseEventType.accepted.rawValue))
            await expectDomainError("cases.not-submitted") {
                try await fixture.service.accept(submitted.id, by: fixture.staff("scj-sl01"))
            }
        }
    }

    @Test(
        "rejecting records the reason, cancels the tasks and publishes CaseRejected", arguments: TestDatabase.available)
    func reject(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup
            let submitted = try await fixture.submittedFoodCase()
            await expectDomainError("cases.text-required") {
                try await fixture.service.reject(submitted.id, reason: "  ", by: fixture.staff("scj-sl01"))
            }

            // act
            let rejected = try await fixture.service.reject(
                submitted.id, reason: "经营场所位于居民楼内，不符合条件", by: fixture.staff("scj-sl01"))

            // verify
            #expect(rejected.state == .rejected)
            #expect(rejected.concludedAt == CasesFixture.start)
            let detail = try await fixture.service.detail(submitted.id, by: fixture.applicant)
            #expect(detail.events.last?.kind == .rejected)
            #expect(detail.events.last?.detail.reason == "经营场所位于居民楼内，不符合条件")
            #expect(detail.tasks.allSatisfy { $0.state == .cancelled })
            #expect(try await fixture.outboxTypes().contains(CaseEventType.rejected.rawValue))
        }
    }

    @Test("容缺受理 lists the pending material until it arrives", arguments: TestDatabase.available)
    func acceptPending(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: M01 (申请书) is provided by the department, so it can be pending
            let submitted = try await fixture.submittedFoodCase()
            let due = try CalendarDay.y2026(5, 15)
            await expectDomainError("cases.pending-materials") {
                try await fixture.service.acceptPending(
                    submitted.id, materials: ["M03"], promise: "承诺补交", due: due, by: fixture.staff("scj-sl01"))
            }

            // act
            let accepted = try await fixture.service.acceptPending(
                submitted.id, materials: ["M01"], promise: "本人承诺于5月15日前补交申请书原件", due: due,
                by: fixture.staff("scj-sl01"))
            let before = try await fixture.service.detail(submitted.id, by: fixture.applicant)
            fixture.moveTo(try .y2026(4, 29))
            try await fixture.service.attachMaterial(
                submitted.id, materialCode: "M01", fileName: "申请书.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            let after = try await fixture.service.detail(submitted.id, by: fixture.applicant)

            // verify
            #expect(accepted.state == .inProgress)
            #expect(before.pending == ["M01"])
            #expect(before.pendingDue == "2026-05-15")
            #expect(before.events.contains { $0.kind == .acceptedPending && $0.detail.promise != nil })
            #expect(after.pending.isEmpty)
            #expect(after.pendingDue == nil)
        }
    }

    @Test("the auto-accept job accepts after 5 working days and skips stale jobs", arguments: TestDatabase.available)
    func autoAccept(database: TestDatabase) async throws {
        try await CasesFixture.with(database) { fixture in
            // setup: one case left alone, one accepted by hand, one corrected and submitted again
            let idle = try await fixture.submittedFoodCase()
            let handled = try await fixture.submittedFoodCase()
            _ = try await fixture.service.accept(handled.id, by: fixture.staff("scj-sl01"))
            let corrected = try await fixture.submittedFoodCase()
            let jobs = try await fixture.queuedJobs("cases.auto-accept")
            _ = try await fixture.service.requestCorrection(
                corrected.id,
                items: [CorrectionItem(materialCode: "M03", materialName: "", problem: "缺少签字")],
                by: fixture.staff("scj-sl01"))
            try await fixture.service.attachMaterial(
                corrected.id, materialCode: "M03", fileName: "M03.pdf", mediaType: "application/pdf",
                content: CasesFixture.pdf, by: fixture.applicant)
            _ = try await fixture.service.answerCorrection(corrected.id, by: fixture.applicant)

            // act: the period of 5 working days after 04-28 ends on 05-08 (Labour Day off), so the
            // three original jobs fall due at the start of 05-09
            #expect(jobs.count == 3)
            #expect(jobs.allSatisfy { $0.runAt == (try? CalendarDay.y2026(5, 9).startDate) })
            fixture.moveTo(try .y2026(5, 9), hour: 0)
            for job in jobs { try await fixture.run(job) }

            // verify
            let idleAfter = try await fixture.service.detail(idle.id, by: .system)
            #expect(idleAfter.record.state == .inProgress)
            #expect(idleAfter.events.contains { $0.kind == .autoAccepted && $0.actor == "system" })
            #expect(try await fixture.openTasks(idle.id).map(\.stepID) == ["review"])
            let handledEvents = try await fixture.eventKinds(handled.id)
            #expect(handledEvents.filter { [.accepted, .autoAccepted].contains($0) } == [.accepted])
            #expect(try await fixture.service.detail(corrected.id, by: .system).record.state == .submitted)
            #expect(!(try await fixture.eventKinds(corrected.id)).contains(.autoAccepted))
        }
    }
}
