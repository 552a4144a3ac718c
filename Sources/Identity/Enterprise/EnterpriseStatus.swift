/// Whether an enterprise account may be used.
public enum EnterpriseStatus: String, Sendable, Codable, CaseIterable {
    /// In use: the representative and current agents may act for it.
    case active
    /// Suspended by staff: nobody may act for it until it is reinstated.
    case suspended

    /// The Chinese label shown to people.
    public var label: String {
        switch self {
        case .active: "正常"
        case .suspended: "已暂停"
        }
    }
}
