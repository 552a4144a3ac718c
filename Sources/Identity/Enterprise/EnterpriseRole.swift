/// The capacity in which a person is linked to an enterprise.
public enum EnterpriseRole: String, Sendable, Codable, CaseIterable {
    /// 法定代表人.
    case representative
    /// 经办人.
    case agent

    /// The Chinese label shown to people.
    public var label: String {
        switch self {
        case .representative: "法定代表人"
        case .agent: "经办人"
        }
    }
}
