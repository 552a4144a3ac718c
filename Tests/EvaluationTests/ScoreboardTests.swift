import Evaluation
import Foundation
import Kernel
import StorageTesting
import Testing

@Suite("Scoreboards: ratings and the bad-review loop counted per department, item and window")
struct ScoreboardTests {
    @Test(
        "one grouped count gives the levels, the call-back and the on-time figures", arguments: TestDatabase.available)
    func figures(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: on Tue Apr 28 one case rated 不满意 online, another 非常满意 at 3号窗口.
            let admin = fixture.staff("scj-admin")
            let (bad, ticket) = try await fixture.badReview()
            let good = try await fixture.concludedCase()
            let (_, code) = try await fixture.service.openCounterRating(
                caseID: good.id, window: "3号窗口", by: fixture.staff("scj-sl01"))
            _ = try await fixture.service.rate(
                counterCode: code, .init(level: .verySatisfied), clientAddress: "10.0.0.30")
            // The bad review is called back on Apr 29 (due Apr 28 + 3 working days = May 6: on time)
            // with a deadline of May 7, and the rectification misses it: answered on May 8.
            fixture.moveTo(try CalendarDay(year: 2026, month: 4, day: 29))
            _ = try await fixture.service.callBack(
                ticket.id, verified: true, note: "属实", plan: "补充办事指南说明",
                deadline: try CalendarDay(year: 2026, month: 5, day: 7), by: admin)
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 8))
            _ = try await fixture.service.answer(ticket.id, feedback: "办事指南已补充说明并公开", by: admin)
            let day = try CalendarDay(year: 2026, month: 4, day: 28)

            // Act
            let departments = try await fixture.service.scoreboard(.department, from: day, to: day)
            let items = try await fixture.service.scoreboard(.item, from: day, to: day)
            let windows = try await fixture.service.scoreboard(.window, from: day, to: day)

            // Verify: both ratings fall to 市市场监督管理局 and its food-permit item.
            #expect(departments.lines.count == 1)
            let line = try #require(departments.lines.first)
            #expect(line.key == bad.departmentID.uuidString)
            #expect(line.tally.byLevel == [0, 1, 0, 0, 1])
            #expect(line.tally.bad == 1)
            #expect(line.tally.calledBack == 1)
            #expect(line.tally.calledBackOnTime == 1)
            #expect(line.tally.answered == 1)
            #expect(line.tally.rectificationDue == 1)
            #expect(line.tally.rectifiedOnTime == 0)
            #expect(line.tally.satisfactionPerMille == 500)
            #expect(line.tally.callbackPerMille == 1000)
            #expect(line.tally.onTimeRectificationPerMille == 0)
            #expect(departments.overall == line.tally)
            #expect(items.lines.map(\.key) == [EvaluationFixture.foodPermit])
            #expect(items.lines.first?.departmentName == bad.departmentName)
            // Only counter ratings have a window.
            #expect(windows.lines.map(\.name) == ["3号窗口"])
            #expect(windows.lines.first?.tally.byLevel == [0, 0, 0, 0, 1])
        }
    }

    @Test(
        "a verified rectification past its deadline counts as due; ratings outside the period do not count",
        arguments: TestDatabase.available)
    func dueButNotDone(database: TestDatabase) async throws {
        try await EvaluationFixture.with(database) { fixture in
            // Setup: called back at once with a deadline of Apr 30, still not rectified on May 6.
            let (_, ticket) = try await fixture.badReview()
            _ = try await fixture.service.callBack(
                ticket.id, verified: true, note: "属实", plan: "调整窗口排班",
                deadline: try CalendarDay(year: 2026, month: 4, day: 30), by: fixture.staff("scj-admin"))
            let day = try CalendarDay(year: 2026, month: 4, day: 28)
            let before = try await fixture.service.scoreboard(.department, from: day, to: day).overall

            // Act
            fixture.moveTo(try CalendarDay(year: 2026, month: 5, day: 6))
            let after = try await fixture.service.scoreboard(.department, from: day, to: day).overall
            let elsewhere = try await fixture.service.scoreboard(
                .department, from: day.adding(days: 1), to: day.adding(days: 9))

            // Verify
            #expect(before.rectificationDue == 0)
            #expect(before.onTimeRectificationPerMille == nil)
            #expect(after.rectificationDue == 1)
            #expect(after.onTimeRectificationPerMille == 0)
            #expect(after.answered == 0)
            #expect(after.rectificationPerMille == 0)
            #expect(elsewhere.lines.isEmpty)
            #expect(elsewhere.overall.total == 0)
            await expectDomainError("evaluation.period", kind: .invalid) {
                try await fixture.service.scoreboard(.item, from: day, to: day.adding(days: 3700))
            }
        }
    }
}
