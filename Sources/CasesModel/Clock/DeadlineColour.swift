/// How close a case is to its deadline, as the workbench colours it (时限预警).
public enum DeadlineColour: String, Codable, Sendable, CaseIterable {
    /// 正常: more than the warning margin left, or concluded on time.
    case green
    /// 预警: within the warning margin, max(2, ⌈limit × 25%⌉) days.
    case yellow
    /// 临期: the last counted day or the one before it.
    case red
    /// 超期: past the deadline, or concluded after it.
    case overdue

    /// The Chinese name.
    public var label: String {
        switch self {
        case .green: "正常"
        case .yellow: "预警"
        case .red: "临期"
        case .overdue: "超期"
        }
    }

    /// The remaining days at or below which a clock of `limitDays` turns yellow.
    public static func yellowMargin(limitDays: Int) -> Int {
        // ⌈limit / 4⌉ in integers, so that no rounding of 0.25 can shift a threshold.
        max(2, (max(0, limitDays) + 3) / 4)
    }

    /// The remaining days at or below which a clock turns red.
    public static let redMargin = 1
}
