import Evaluation
import Foundation
import Kernel
import Testing

@testable import Web

/// What every evaluation page shares: rates, averages, due-day badges, the time left to rate, and
/// reading a rating form.
@Suite("Evaluation pages: formatting")
struct EvaluationPageFormatTests {
    @Test("per-mille rates print with one decimal and round half up as the domain's tally does")
    func rates() {
        // Setup: 1 satisfied of 16 is 62.5 per mille; the domain's tally is the independent reference.
        var tally = ScoreTally()
        tally.byLevel = [0, 0, 15, 1, 0]

        // Act
        let page = EvaluationPageFormat.perMille(1, of: 16)

        // Verify
        #expect(page == 63 && page == tally.satisfactionPerMille)
        #expect(EvaluationPageFormat.perMille(2, of: 3) == 667)
        #expect(EvaluationPageFormat.perMille(1, of: 0) == nil)
        #expect(EvaluationPageFormat.percent(953) == "95.3%")
        #expect(EvaluationPageFormat.percent(1000) == "100.0%")
        #expect(EvaluationPageFormat.percent(5) == "0.5%")
        #expect(EvaluationPageFormat.percent(nil) == "—")
        #expect(EvaluationPageFormat.average(425) == "4.25")
        #expect(EvaluationPageFormat.average(301) == "3.01")
        #expect(EvaluationPageFormat.average(500) == "5.00")
        #expect(EvaluationPageFormat.average(nil) == "—")
    }

    @Test("a due day reads as overdue, due today or the days left, in words as well as colour")
    func dueBadges() throws {
        // Setup
        let today = try CalendarDay(year: 2026, month: 4, day: 28)

        // Act
        let badges = [-1, 0, 1, 8].map { EvaluationPageFormat.due(today.adding(days: $0), today: today) }

        // Verify
        #expect(badges.map(\.label) == ["已超期1天", "今天到期", "剩1天", "剩8天"])
        #expect(
            badges.map(\.css) == [
                "deadline deadline-overdue", "deadline deadline-red", "deadline deadline-yellow",
                "deadline deadline-green",
            ])
    }

    @Test("the time left to rate, as people say it")
    func timeLeft() {
        // Setup
        let now = Date(timeIntervalSince1970: 1_777_341_600)

        // Act
        let left = [15 * 86_400.0, 90 * 60, 59 * 60, -1].map {
            EvaluationPageFormat.timeLeft(until: now.addingTimeInterval($0), now: now)
        }

        // Verify
        #expect(left == ["还剩15天", "还剩1小时", "不足1小时", "已截止"])
    }

    @Test("a rating form gives the overall level and the set's indicators; a missing or foreign level is refused")
    func submission() throws {
        // Setup
        let form = [
            "level": "3", "score-efficiency": "5", "score-attitude": "1", "score-convenience": "9", "comment": "一般",
        ]

        // Act
        let parsed = try EvaluationPageFormat.submission(form, set: .onlineV1)
        let fields = EvaluationPageFormat.fields(.onlineV1, typed: form)

        // Verify: attitude is a counter indicator and 9 is no level, so neither is passed on.
        #expect(parsed == RatingSubmission(level: .fair, scores: ["efficiency": .verySatisfied], comment: "一般"))
        #expect(
            fields.map(\.field) == [
                "level", "score-efficiency", "score-guide-accuracy", "score-convenience", "score-ease-of-use",
            ])
        #expect(fields.first?.choices.map(\.value) == [5, 4, 3, 2, 1])
        #expect(fields.first?.choices.filter(\.checked).map(\.value) == [3])
        #expect(fields.map(\.required) == [true, false, false, false, false])
        for level in [nil, "0", "6", "满意"] {
            var refused = form
            refused["level"] = level
            #expect(throws: DomainError.self) { try EvaluationPageFormat.submission(refused, set: .onlineV1) }
        }
    }
}
