/// A time limit in working or natural days (法定时限 / 承诺时限).
public struct TimeLimit: Codable, Sendable, Hashable {
    /// How days are counted.
    public enum Unit: String, Codable, Sendable {
        /// 工作日, counted with the work calendar (调休 included).
        case workingDays
        /// 自然日.
        case naturalDays
    }

    /// The number of days; 0 means the same day (即办).
    public var days: Int
    /// How they are counted.
    public var unit: Unit

    /// Creates a limit.
    public init(days: Int, unit: Unit = .workingDays) {
        self.days = days
        self.unit = unit
    }

    /// The limit as a guide shows it, such as 20个工作日 or 即办.
    public var label: String {
        if days == 0 { return "即办" }
        return "\(days)个\(unit == .workingDays ? "工作日" : "自然日")"
    }

    /// The days as working days, for comparing limits counted differently: five working days to
    /// a week of seven natural days.
    public var approximateWorkingDays: Double {
        unit == .workingDays ? Double(days) : Double(days) * 5 / 7
    }
}
