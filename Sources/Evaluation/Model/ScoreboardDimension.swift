/// What a scoreboard groups by.
public enum ScoreboardDimension: String, Codable, Sendable, CaseIterable {
    /// By department.
    case department
    /// By service item.
    case item
    /// By service window (counter ratings only).
    case window

    /// The Chinese name.
    public var label: String {
        switch self {
        case .department: "部门"
        case .item: "事项"
        case .window: "服务窗口"
        }
    }
}
