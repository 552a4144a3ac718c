public import Foundation
public import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The longest period a scoreboard covers: ten years.
    static let longestPeriodDays = 3653

    /// The public scoreboard of ratings given from `from` to `to` (inclusive) by `dimension`,
    /// optionally for one department. Everything is counted in one grouped query; the rates are
    /// computed by `ScoreTally`, so the page and the JSON show the same figures.
    public func scoreboard(
        _ dimension: ScoreboardDimension, from: CalendarDay, to: CalendarDay, departmentID: UUID? = nil
    )
        async throws -> Scoreboard
    {
        guard from <= to else { throw Self.invalid("period", "统计期间有误", "开始日期（\(from)）不能晚于结束日期（\(to)）。") }
        guard from.days(to: to) <= Self.longestPeriodDays else {
            throw Self.invalid("period", "统计期间过长", "统计期间不能超过10年，请缩短日期范围。")
        }
        let key: String
        let name: String
        switch dimension {
        case .department: (key, name) = ("r.department_id", "r.department_name")
        case .item: (key, name) = ("r.item_code", "r.item_name")
        case .window: (key, name) = ("r.service_window", "r.service_window")
        }
        let today = today.dayNumber
        let rows = try await database.read { sql in
            var query = SQLQueryString(
                """
                SELECT \(unsafeRaw: key) AS line_key, MAX(\(unsafeRaw: name)) AS line_name,
                    MAX(r.department_name) AS department_name, r.level AS level, COUNT(*) AS ratings,
                    SUM(CASE WHEN t.called_back_at IS NOT NULL THEN 1 ELSE 0 END) AS called_back,
                    SUM(CASE WHEN t.called_back_day <= t.callback_due THEN 1 ELSE 0 END) AS called_back_on_time,
                    SUM(CASE WHEN t.verified = 1 AND (t.rectified_day IS NOT NULL OR t.rectify_due < \(bind: today))
                        THEN 1 ELSE 0 END) AS rectification_due,
                    SUM(CASE WHEN t.rectified_day IS NOT NULL AND t.rectified_day <= t.rectify_due
                        THEN 1 ELSE 0 END) AS rectified_on_time,
                    SUM(CASE WHEN t.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered
                FROM eva_ratings r LEFT JOIN eva_rectifications t ON t.rating_id = r.id
                WHERE r.level IS NOT NULL AND r.rated_day BETWEEN \(bind: from.dayNumber) AND \(bind: to.dayNumber)
                """)
            if dimension == .window {
                query.appendInterpolation(unsafeRaw: " AND r.channel = 'counter' AND r.service_window IS NOT NULL")
            }
            if let departmentID {
                query.appendInterpolation(unsafeRaw: " AND r.department_id = ")
                query.appendInterpolation(bind: departmentID)
            }
            query.appendInterpolation(unsafeRaw: " GROUP BY \(key), r.level")
            return try await sql.raw(query).all().map { row in
                let lineKey =
                    dimension == .department
                    ? try row.decode(column: "line_key", as: UUID.self).uuidString
                    : try row.decode(column: "line_key", as: String.self)
                return (
                    lineKey, try row.decode(column: "line_name", as: String.self),
                    try row.decode(column: "department_name", as: String.self), try Self.tally(row)
                )
            }
        }
        var lines: [String: ScoreboardLine] = [:]
        for (lineKey, lineName, department, tally) in rows {
            var line =
                lines[lineKey]
                ?? ScoreboardLine(
                    key: lineKey, name: lineName, departmentName: dimension == .item ? department : nil,
                    tally: ScoreTally())
            line.tally = line.tally + tally
            lines[lineKey] = line
        }
        let sorted = lines.values.sorted {
            ($0.tally.satisfactionPerMille ?? -1, $0.tally.total, $1.name)
                > ($1.tally.satisfactionPerMille ?? -1, $1.tally.total, $0.name)
        }
        return Scoreboard(
            dimension: dimension, from: from, to: to, lines: sorted,
            overall: sorted.reduce(ScoreTally()) { $0 + $1.tally })
    }

    /// One grouped row (one level of one line) as a tally.
    static func tally(_ row: any SQLRow) throws -> ScoreTally {
        var tally = ScoreTally()
        let level = try row.decode(column: "level", as: Int.self)
        let count = try row.decode(column: "ratings", as: Int.self)
        guard (1...5).contains(level) else { return tally }
        tally.byLevel[level - 1] = count
        guard level <= RatingLevel.dissatisfied.rawValue else { return tally }
        tally.bad = count
        tally.calledBack = try row.decode(column: "called_back", as: Int?.self) ?? 0
        tally.calledBackOnTime = try row.decode(column: "called_back_on_time", as: Int?.self) ?? 0
        tally.rectificationDue = try row.decode(column: "rectification_due", as: Int?.self) ?? 0
        tally.rectifiedOnTime = try row.decode(column: "rectified_on_time", as: Int?.self) ?? 0
        tally.answered = try row.decode(column: "answered", as: Int?.self) ?? 0
        return tally
    }
}
