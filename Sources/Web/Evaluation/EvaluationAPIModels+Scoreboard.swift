import Evaluation
import Foundation
import Kernel

extension EvaluationAPIModels {
    /// The counts of a scoreboard line and the rates computed from them. Rates are whole per mille
    /// (满意率 953 is 95.3%) and absent when their denominator is zero; the average level is in
    /// hundredths (4.25 is 425).
    struct Tally: Codable {
        /// Ratings at each level: index 0 is 非常不满意 (1) … index 4 is 非常满意 (5).
        var byLevel: [Int]
        var total: Int
        var bad: Int
        var calledBack: Int
        var calledBackOnTime: Int
        var rectificationDue: Int
        var rectifiedOnTime: Int
        var answered: Int
        var satisfactionPerMille: Int?
        var badPerMille: Int?
        var callbackPerMille: Int?
        var rectificationPerMille: Int?
        var onTimeRectificationPerMille: Int?
        var averageLevelHundredths: Int?

        init(_ tally: ScoreTally) {
            byLevel = tally.byLevel
            total = tally.total
            bad = tally.bad
            calledBack = tally.calledBack
            calledBackOnTime = tally.calledBackOnTime
            rectificationDue = tally.rectificationDue
            rectifiedOnTime = tally.rectifiedOnTime
            answered = tally.answered
            satisfactionPerMille = tally.satisfactionPerMille
            badPerMille = tally.badPerMille
            callbackPerMille = tally.callbackPerMille
            rectificationPerMille = tally.rectificationPerMille
            onTimeRectificationPerMille = tally.onTimeRectificationPerMille
            averageLevelHundredths = tally.averageLevelHundredths
        }
    }

    /// One line of a scoreboard: a department (key: its id), an item (its code) or a window (its name).
    struct ScoreboardLine: Codable {
        var key: String
        var name: String
        var departmentName: String?
        var tally: Tally

        init(_ line: Evaluation.ScoreboardLine) {
            key = line.key
            name = line.name
            departmentName = line.departmentName
            tally = Tally(line.tally)
        }
    }

    /// The public scoreboard (好差评排行) of a period, best satisfaction first, and the whole.
    struct Scoreboard: Codable {
        var dimension: String
        var dimensionLabel: String
        var from: CalendarDay
        var to: CalendarDay
        var departmentId: UUID?
        var lines: [ScoreboardLine]
        var overall: Tally

        init(_ board: Evaluation.Scoreboard, departmentID: UUID?) {
            dimension = board.dimension.rawValue
            dimensionLabel = board.dimension.label
            from = board.from
            to = board.to
            departmentId = departmentID
            lines = board.lines.map(ScoreboardLine.init)
            overall = Tally(board.overall)
        }
    }
}
