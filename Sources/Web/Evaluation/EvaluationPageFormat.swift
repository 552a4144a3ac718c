import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

/// What every evaluation page shares: rates and averages as text, the five-level choices of a
/// form, due-day badges and the people a request acts for.
enum EvaluationPageFormat {
    /// One choice of a select or a radio group.
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One of the five levels as a radio button of a form.
    struct LevelChoice {
        var value: Int
        var label: String
        var checked: Bool
        /// The id of the input, unique on the page (`level-5`, `score-efficiency-3`).
        var inputID: String
        /// `lvl-5` … `lvl-1`, so the tile's colour matches the scoreboard's.
        var css: String
    }

    /// One indicator of a rating form: its five levels under one name.
    struct IndicatorField {
        var key: String
        var label: String
        /// The form field: `level` for the overall level, `score-<key>` for the others.
        var field: String
        var choices: [LevelChoice]
        /// Only the overall level must be chosen; the others take it when left out.
        var required: Bool
    }

    /// The levels from 非常满意 down to 非常不满意, the order people read a scale in.
    static let levelsHighFirst = RatingLevel.allCases.sorted { $0 > $1 }

    /// A per-mille rate as a percentage with one decimal (953 → 95.3%), “—” without a denominator.
    static func percent(_ perMille: Int?) -> String {
        guard let perMille else { return "—" }
        let sign = perMille < 0 ? "-" : ""
        let value = abs(perMille)
        return "\(sign)\(value / 10).\(value % 10)%"
    }

    /// An average level in hundredths as a number with two decimals (425 → 4.25), “—” without ratings.
    static func average(_ hundredths: Int?) -> String {
        guard let hundredths, hundredths >= 0 else { return "—" }
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `part` of `whole` in per mille, rounded half up as `ScoreTally` rounds; nil when `whole` is 0.
    static func perMille(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0, part >= 0 else { return nil }
        return (part * 2000 + whole) / (2 * whole)
    }

    /// The five radio buttons of field `field`, with `selected` checked.
    static func choices(field: String, selected: RatingLevel?) -> [LevelChoice] {
        levelsHighFirst.map { level in
            LevelChoice(
                value: level.rawValue, label: level.label, checked: level == selected,
                inputID: "\(field)-\(level.rawValue)", css: "lvl-\(level.rawValue)")
        }
    }

    /// The fields of a rating form under `set`, holding what was typed (`typed` by field name).
    static func fields(_ set: IndicatorSet, typed: [String: String] = [:]) -> [IndicatorField] {
        set.indicators.map { indicator in
            let field = indicator.key == "overall" ? "level" : "score-\(indicator.key)"
            let selected = typed[field].flatMap(Int.init).flatMap(RatingLevel.init(rawValue:))
            return IndicatorField(
                key: indicator.key, label: indicator.label, field: field,
                choices: choices(field: field, selected: selected), required: indicator.key == "overall")
        }
    }

    /// The rating a form holds under `set`: `level` is required, `score-<key>` are optional, the
    /// comment is passed on for the service to check.
    static func submission(_ form: [String: String], set: IndicatorSet) throws -> RatingSubmission {
        guard let level = form["level"].flatMap(Int.init).flatMap(RatingLevel.init(rawValue:)) else {
            throw DomainError(
                .invalid, code: "evaluation.level-missing", title: "请选择总体评价",
                detail: "请在“非常满意”到“非常不满意”五个等级中选择一个，再提交评价。")
        }
        var scores: [String: RatingLevel] = [:]
        for indicator in set.indicators where indicator.key != "overall" {
            if let chosen = form["score-\(indicator.key)"].flatMap(Int.init).flatMap(RatingLevel.init(rawValue:)) {
                scores[indicator.key] = chosen
            }
        }
        return RatingSubmission(level: level, scores: scores, comment: String((form["comment"] ?? "").prefix(600)))
    }

    /// A due day as a badge against `today`: overdue, due today, or the days left; the label says
    /// it too, so colour is never the only cue.
    static func due(_ day: CalendarDay, today: CalendarDay) -> CasePageFormat.Badge {
        let left = today.days(to: day)
        if left < 0 { return .init(label: "已超期\(-left)天", css: "deadline deadline-overdue") }
        if left == 0 { return .init(label: "今天到期", css: "deadline deadline-red") }
        if left <= 1 { return .init(label: "剩\(left)天", css: "deadline deadline-yellow") }
        return .init(label: "剩\(left)天", css: "deadline deadline-green")
    }

    /// How long a rating stays open, as people say it: 还剩3天, 还剩5小时, 不足1小时.
    static func timeLeft(until end: Date, now: Date) -> String {
        let seconds = end.timeIntervalSince(now)
        guard seconds > 0 else { return "已截止" }
        let hours = Int(seconds / 3600)
        if hours >= 24 { return "还剩\(hours / 24)天" }
        if hours >= 1 { return "还剩\(hours)小时" }
        return "不足1小时"
    }

    /// The person acting through this request: a phone's browser counts as the mobile channel.
    static func citizen(_ session: SessionInfo, _ request: Request, _ context: AppRequestContext) -> Citizen {
        Citizen(
            accountID: session.personID,
            channel: CasePageFormat.channel(userAgent: request.headers[.userAgent] ?? "").rawValue,
            clientAddress: context.clientAddress)
    }

    /// `text` cut to `limit` characters, for what a refused form keeps.
    static func kept(_ text: String?, _ limit: Int) -> String {
        String((text ?? "").prefix(limit))
    }

    /// The departments of a select, indented by depth, with `selected` chosen.
    static func departments(_ all: [Department], selected: UUID?) -> [Option] {
        all.map {
            Option(
                value: $0.id.uuidString, label: String(repeating: "　", count: $0.depth) + $0.name,
                selected: $0.id == selected)
        }
    }
}
