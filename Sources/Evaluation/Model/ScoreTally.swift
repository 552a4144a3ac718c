/// The counts a scoreboard line is computed from, and its rates.
///
/// Rates are whole per-mille numbers (满意率 953 means 95.3%), so that they compare exactly and
/// print without floating-point surprises; a rate with no denominator is nil, shown as “—”.
public struct ScoreTally: Sendable, Equatable, Codable {
    /// Ratings at each level, index 0 for 非常不满意 … 4 for 非常满意.
    public var byLevel: [Int]
    /// Bad reviews (不满意 and 非常不满意).
    public var bad: Int
    /// Bad reviews whose citizen was called back.
    public var calledBack: Int
    /// Bad reviews called back by their due day.
    public var calledBackOnTime: Int
    /// Bad reviews found true, whose rectification was due by now or is done.
    public var rectificationDue: Int
    /// Of those, rectified by their deadline.
    public var rectifiedOnTime: Int
    /// Bad reviews whose ticket has given the citizen its result (rectified or explained).
    public var answered: Int

    /// An empty tally.
    public init() {
        byLevel = Array(repeating: 0, count: 5)
        bad = 0
        calledBack = 0
        calledBackOnTime = 0
        rectificationDue = 0
        rectifiedOnTime = 0
        answered = 0
    }

    /// All ratings.
    public var total: Int { byLevel.reduce(0, +) }

    /// 满意率: 满意 and 非常满意 over all ratings.
    public var satisfactionPerMille: Int? { Self.perMille(byLevel[3] + byLevel[4], of: total) }

    /// 差评率: bad reviews over all ratings.
    public var badPerMille: Int? { Self.perMille(bad, of: total) }

    /// 差评回访率: bad reviews called back over all bad reviews (the goal is 100%).
    public var callbackPerMille: Int? { Self.perMille(calledBack, of: bad) }

    /// 差评整改率: bad reviews answered (rectified or explained) over all bad reviews.
    public var rectificationPerMille: Int? { Self.perMille(answered, of: bad) }

    /// 按期整改率: verified bad reviews rectified by their deadline over those due or done.
    public var onTimeRectificationPerMille: Int? { Self.perMille(rectifiedOnTime, of: rectificationDue) }

    /// The average level times 100 (4.25 is 425), nil without ratings.
    public var averageLevelHundredths: Int? {
        guard total > 0 else { return nil }
        let sum = byLevel.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return (sum * 100 + total / 2) / total
    }

    /// `part` over `whole` in per mille, rounded half up; nil when `whole` is zero.
    static func perMille(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return (part * 1000 * 2 + whole) / (2 * whole)
    }

    /// Adds another tally.
    public static func + (lhs: ScoreTally, rhs: ScoreTally) -> ScoreTally {
        var sum = ScoreTally()
        sum.byLevel = zip(lhs.byLevel, rhs.byLevel).map { $0 + $1 }
        sum.bad = lhs.bad + rhs.bad
        sum.calledBack = lhs.calledBack + rhs.calledBack
        sum.calledBackOnTime = lhs.calledBackOnTime + rhs.calledBackOnTime
        sum.rectificationDue = lhs.rectificationDue + rhs.rectificationDue
        sum.rectifiedOnTime = lhs.rectifiedOnTime + rhs.rectifiedOnTime
        sum.answered = lhs.answered + rhs.answered
        return sum
    }
}
