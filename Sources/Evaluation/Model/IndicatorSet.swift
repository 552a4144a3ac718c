/// A versioned set of the indicators a rating scores besides its overall level (评价指标体系).
///
/// Ratings keep the key of the set they were given under, so a later version of a set never
/// changes what an older rating meant.
public struct IndicatorSet: Sendable, Equatable, Codable {
    /// One indicator: a stable key and its Chinese name.
    public struct Indicator: Sendable, Equatable, Codable {
        /// The key used in submissions and stored scores, such as `efficiency`.
        public var key: String
        /// The Chinese name.
        public var label: String
    }

    /// The set's key, such as `online-v1`.
    public var key: String
    /// The channel it is for.
    public var channel: RatingChannel
    /// The indicators; the first is always `overall`.
    public var indicators: [Indicator]

    /// The online set of GB/T 39735: overall, efficiency, guide accuracy, convenience, ease of use.
    public static let onlineV1 = IndicatorSet(
        key: "online-v1", channel: .online,
        indicators: [
            .init(key: "overall", label: "总体评价"), .init(key: "efficiency", label: "办事效率"),
            .init(key: "guide-accuracy", label: "办事指南准确性"), .init(key: "convenience", label: "办理便捷程度"),
            .init(key: "ease-of-use", label: "系统易用性"),
        ])

    /// The counter set: overall, efficiency, competence, attitude.
    public static let counterV1 = IndicatorSet(
        key: "counter-v1", channel: .counter,
        indicators: [
            .init(key: "overall", label: "总体评价"), .init(key: "efficiency", label: "办事效率"),
            .init(key: "competence", label: "业务水平"), .init(key: "attitude", label: "服务态度"),
        ])

    /// Every set ever used, so that stored ratings can name theirs.
    public static let all: [IndicatorSet] = [onlineV1, counterV1]

    /// The set new ratings of `channel` are given under.
    public static func current(for channel: RatingChannel) -> IndicatorSet {
        channel == .online ? onlineV1 : counterV1
    }

    /// The set with `key`, if any.
    public static func named(_ key: String) -> IndicatorSet? { all.first { $0.key == key } }
}
