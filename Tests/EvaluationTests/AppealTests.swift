import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Appeals: within 5 working days, decided by a supervisor")
struct AppealTests {
    @Test(
        "an appeal is accepted up to the last day of the period and refused after it", arguments: TestDatabase.available
    )
    func appealWindow(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: answered on Tue Apr 28; the 5th working day after it is Fri May 8 (Apr 29,
            // Apr 30, May 6, 7, 8), where five natural days would end on May 3.
            let ticket = try await fixture.answeredTicket()
            #expect(ticket.appealDue == (try CalendarDay(year: 2026, month: 5, day: 8)))

            // Act / verify: on the 调休 Saturday after the due day it is late…
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 9))
            await expectDomainError("evaluation.appeal-late", kind: .conflict) {
                try await fixture.service.appeal(ticket.id, reason: "整改没有落实到位", by: fixture.applicant)
            }
            #expect(
                try await fixture.service.rectification(ticket.id, by: fixture.staff("scj-admin")).state == .answered)

            // …too short a reason is refused, and late on the due day it is accepted.
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 8), hour: 23, minute: 30)
            await expectDomainError("evaluation.appeal-reason", kind: .invalid) {
                try await fixture.service.appeal(ticket.id, reason: "不行", by: fixture.applicant)
            }
            let appealed = try await fixture.service.appeal(ticket.id, reason: "整改没有落实到位", by: fixture.applicant)
            #expect(appealed.state == .appealed)
            #expect(appealed.appealReason == "整改没有落实到位")
        }
    }

    @Test(
        "an upheld appeal sends the ticket back to rectification with a new deadline", arguments: TestDatabase.available
    )
    func upheld(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: appealed and decided on Fri May 8.
            let ticket = try await fixture.answeredTicket()
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 8))
            _ = try await fixture.service.appeal(ticket.id, reason: "整改没有落实到位", by: fixture.applicant)

            // Act / verify: the department's own admin may not decide; the supervisor may.
            await expectDomainError("identity.forbidden", kind: .forbidden) {
                try await fixture.service.decideAppeal(
                    ticket.id, upheld: false, note: "部门自行驳回申诉", by: fixture.staff("scj-admin"))
            }
            let decided = try await fixture.service.decideAppeal(
                ticket.id, upheld: true, note: "申诉成立，请重新整改", by: fixture.staff("zwj-jd01"))

            // Verify: 15 working days from May 8 (May 9 调休, 11–15, 18–22, 25–28) end Thu May 28.
            #expect(decided.state == .rectifying)
            #expect(decided.appealUpheld == true)
            #expect(decided.reviewNote == "申诉成立，请重新整改")
            #expect(decided.rectifyDue == (try CalendarDay(year: 2026, month: 5, day: 28)))
            #expect(decided.rectifiedAt == nil)
            #expect(decided.rectifiedOnTime == nil)
            #expect(decided.appealDue == nil)

            // The loop runs again: a new answer, on time, with a new appeal period.
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 20))
            let again = try await fixture.service.answer(
                ticket.id, feedback: "已重新整改并回访申请人", by: fixture.staff("scj-admin"))
            #expect(again.state == .answered)
            #expect(again.rectifiedOnTime == true)
            #expect(again.appealDue == (try CalendarDay(year: 2026, month: 5, day: 27)))
        }
    }

    @Test("a dismissed appeal closes the ticket; decisions need an appealed ticket", arguments: TestDatabase.available)
    func dismissed(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup
            let ticket = try await fixture.answeredTicket()
            let supervisor = fixture.staff("zwj-jd01")
            await expectDomainError("evaluation.rectification-state", kind: .conflict) {
                try await fixture.service.decideAppeal(ticket.id, upheld: true, note: "尚未申诉即复核", by: supervisor)
            }
            _ = try await fixture.service.appeal(ticket.id, reason: "对解释说明不认可", by: fixture.applicant)

            // Act
            let decided = try await fixture.service.decideAppeal(
                ticket.id, upheld: false, note: "经复核，部门说明属实", by: supervisor)

            // Verify
            #expect(decided.state == .closed)
            #expect(decided.appealUpheld == false)
            #expect(decided.closedAt == fixture.clock.now())
            await expectDomainError("evaluation.rectification-state", kind: .conflict) {
                try await fixture.service.appeal(ticket.id, reason: "再次申诉试试", by: fixture.applicant)
            }
        }
    }
}

extension EvaluationFixture {
    /// A bad review called back (not verified) and answered by scj-admin, at the current time.
    func answeredTicket() async throws -> Rectification {
        let (_, ticket) = try await badReview()
        let admin = staff("scj-admin")
        _ = try await service.callBack(ticket.id, verified: false, note: "经核实窗口按规定办理", by: admin)
        return try await service.answer(ticket.id, feedback: "经核实窗口按规定办理，特此说明", by: admin)
    }
}
