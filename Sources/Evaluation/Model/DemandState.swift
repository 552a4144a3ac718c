/// What the department did with a demand.
public enum DemandState: String, Codable, Sendable, CaseIterable {
    /// 待研究.
    case open
    /// 已纳入计划.
    case planned
    /// 已实现: the catalog was changed accordingly.
    case done
    /// 暂不采纳, with a reason.
    case declined

    /// The Chinese name.
    public var label: String {
        switch self {
        case .open: "待研究"
        case .planned: "已纳入计划"
        case .done: "已实现"
        case .declined: "暂不采纳"
        }
    }
}
