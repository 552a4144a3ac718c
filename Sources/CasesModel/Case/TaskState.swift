/// Where a workbench task stands.
public enum TaskState: String, Codable, Sendable, CaseIterable {
    /// In the department's queue, nobody has it.
    case open
    /// Claimed by one clerk.
    case claimed
    /// Decided.
    case done
    /// No longer needed (the case moved on, was withdrawn, or another branch decided).
    case cancelled

    /// The Chinese name.
    public var label: String {
        switch self {
        case .open: "待认领"
        case .claimed: "办理中"
        case .done: "已办"
        case .cancelled: "已取消"
        }
    }
}
