import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Rectification: call back, rectify by a working-day deadline, answer, accept")
struct RectificationLoopTests {
    @Test(
        "a verified call-back sets a deadline of at most 15 working days, from today on",
        arguments: TestDatabase.available)
    func deadlineLimits(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: opened and called back on Tue 2026-04-28. Counting Apr 29–30, then May 6–9
            // (May 9 is the 调休 Saturday), May 11–15 and May 18–21, the 15th working day is May 21.
            let (_, ticket) = try await fixture.badReview()
            let admin = fixture.staff("scj-admin")

            // Act / verify: a day beyond, and yesterday, are refused without changing the ticket.
            for day in [try CalendarDay(year: 2026, month: 5, day: 22), try CalendarDay(year: 2026, month: 4, day: 27)]
            {
                await expectDomainError("evaluation.deadline", kind: .invalid) {
                    try await fixture.service.callBack(
                        ticket.id, verified: true, note: "已电话联系申请人", plan: "统一材料口径", deadline: day, by: admin)
                }
            }
            #expect(try await fixture.service.rectification(ticket.id, by: admin).state == .awaitingCallback)

            // Without a deadline, the limit itself is the deadline.
            let called = try await fixture.service.callBack(
                ticket.id, verified: true, note: "已电话联系申请人", plan: "统一材料口径", by: admin)
            #expect(called.state == .rectifying)
            #expect(called.rectifyDue == (try CalendarDay(year: 2026, month: 5, day: 21)))
            #expect(called.verified == true)
            #expect(called.plan == "统一材料口径")
            #expect(called.callbackNote == "已电话联系申请人")
            #expect(called.calledBackAt == EvaluationFixture.start)
        }
    }

    @Test(
        "answered by the deadline is on time; the citizen accepts and the ticket closes",
        arguments: TestDatabase.available)
    func onTimeThenAccepted(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: called back on Apr 29 with a deadline of Fri May 8.
            let (_, ticket) = try await fixture.badReview()
            let admin = fixture.staff("scj-admin")
            let due = try CalendarDay(year: 2026, month: 5, day: 8)
            fixture.moveTo(try CalendarDay(year: 2026, month: 4, day: 29), hour: 9)
            _ = try await fixture.service.callBack(
                ticket.id, verified: true, note: "申请人反映属实", plan: "窗口人员业务培训", deadline: due, by: admin)

            // Act: answered late on the deadline day.
            fixture.moveTo(due, hour: 17, minute: 30)
            let answered = try await fixture.service.answer(ticket.id, feedback: "已完成窗口人员培训并公开材料清单", by: admin)

            // Verify: on time; the appeal period is 5 working days, May 9 (调休) and May 11–14.
            #expect(answered.state == .answered)
            #expect(answered.rectifiedOnTime == true)
            #expect(answered.rectifiedAt == fixture.clock.now())
            #expect(answered.appealDue == (try CalendarDay(year: 2026, month: 5, day: 14)))
            #expect(answered.feedback == "已完成窗口人员培训并公开材料清单")

            // Act / verify: the citizen accepts; the ticket closes and cannot be accepted again.
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 11))
            let closed = try await fixture.service.accept(ticket.id, by: fixture.applicant)
            #expect(closed.state == .closed)
            #expect(closed.closedAt == fixture.clock.now())
            await expectDomainError("evaluation.rectification-state", kind: .conflict) {
                try await fixture.service.accept(ticket.id, by: fixture.applicant)
            }
        }
    }

    @Test("answered after the deadline is recorded as late", arguments: TestDatabase.available)
    func late(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: deadline Wed May 6.
            let (_, ticket) = try await fixture.badReview()
            let admin = fixture.staff("scj-admin")
            _ = try await fixture.service.callBack(
                ticket.id, verified: true, note: "申请人反映属实", plan: "规范一次性告知",
                deadline: try CalendarDay(year: 2026, month: 5, day: 6), by: admin)

            // Act: answered the next morning.
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 7), hour: 8)
            let answered = try await fixture.service.answer(ticket.id, feedback: "已规范一次性告知流程", by: admin)

            // Verify
            #expect(answered.state == .answered)
            #expect(answered.rectifiedOnTime == false)
            #expect(answered.rectifiedAt == fixture.clock.now())
        }
    }

    @Test(
        "a complaint found untrue is explained, with no rectification to be on time", arguments: TestDatabase.available)
    func notVerified(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let (_, ticket) = try await fixture.badReview()
            let admin = fixture.staff("scj-admin")
            await expectDomainError("evaluation.rectification-state", kind: .conflict) {
                try await fixture.service.answer(ticket.id, feedback: "未回访先反馈", by: admin)
            }

            // Act: plan and deadline are not asked for when the complaint is not verified.
            let explaining = try await fixture.service.callBack(
                ticket.id, verified: false, note: "经调取录像，窗口按规定办理", by: admin)
            let answered = try await fixture.service.answer(ticket.id, feedback: "经核实窗口按规定办理，特此说明", by: admin)

            // Verify
            #expect(explaining.state == .explaining)
            #expect(explaining.verified == false)
            #expect(explaining.plan == nil)
            #expect(explaining.rectifyDue == nil)
            #expect(answered.state == .answered)
            #expect(answered.rectifiedOnTime == nil)
            #expect(answered.rectifiedAt == nil)
            #expect(answered.appealDue == (try CalendarDay(year: 2026, month: 5, day: 8)))
        }
    }

    @Test("only the department's responders and supervisors act on its tickets", arguments: TestDatabase.available)
    func whoMayAct(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let (_, ticket) = try await fixture.badReview()
            let stranger = try await fixture.registerCitizen(
                name: "李四", idNumber: "130102198506124523", phone: "13800000001")

            // Act / verify: 市公安局's clerk and 市人社局's admin (who responds for their own
            // department) are refused; the state is unchanged.
            for username in ["gaj-sl01", "rsj-admin"] {
                await expectDomainError("identity.forbidden", kind: .forbidden) {
                    try await fixture.service.callBack(
                        ticket.id, verified: false, note: "越权回访", by: fixture.staff(username))
                }
            }
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.rectification(ticket.id, by: fixture.staff("rsj-admin"))
            }
            #expect(try await fixture.service.rectifications(by: fixture.staff("rsj-admin")).isEmpty)
            #expect(try await fixture.service.rectification(ofRating: ticket.ratingID, by: stranger) == nil)

            // The supervisor, whose scope is every department, may call back.
            let called = try await fixture.service.callBack(
                ticket.id, verified: false, note: "监督员代为回访", by: fixture.staff("zwj-jd01"))
            #expect(called.state == .explaining)
            _ = try await fixture.service.answer(ticket.id, feedback: "经核实窗口按规定办理", by: fixture.staff("scj-admin"))
            await expectDomainError("evaluation.not-found", kind: .notFound) {
                try await fixture.service.accept(ticket.id, by: stranger)
            }
        }
    }
}
