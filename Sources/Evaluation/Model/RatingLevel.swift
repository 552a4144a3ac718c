/// The five levels of GB/T 39735 (政务服务评价工作指南), from 非常满意 down to 非常不满意.
///
/// Stored as the number 5…1, so that averages and comparisons read naturally.
public enum RatingLevel: Int, Codable, Sendable, CaseIterable, Comparable {
    /// 非常不满意.
    case veryDissatisfied = 1
    /// 不满意.
    case dissatisfied = 2
    /// 基本满意.
    case fair = 3
    /// 满意.
    case satisfied = 4
    /// 非常满意.
    case verySatisfied = 5

    /// The Chinese name.
    public var label: String {
        switch self {
        case .veryDissatisfied: "非常不满意"
        case .dissatisfied: "不满意"
        case .fair: "基本满意"
        case .satisfied: "满意"
        case .verySatisfied: "非常满意"
        }
    }

    /// A bad review (差评): 不满意 and 非常不满意 open a rectification ticket.
    public var isBad: Bool { self <= .dissatisfied }

    /// Counts towards the satisfaction rate (满意率): 满意 and 非常满意.
    public var isSatisfied: Bool { self >= .satisfied }

    /// Orders by level.
    public static func < (lhs: RatingLevel, rhs: RatingLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
