/// Where an agent grant stands at a given time.
public enum AgentGrantStatus: String, Sendable, Codable, CaseIterable {
    /// In force.
    case current
    /// Its end date has passed.
    case expired
    /// Withdrawn before its end date.
    case revoked

    /// The Chinese label shown to people.
    public var label: String {
        switch self {
        case .current: "有效"
        case .expired: "已到期"
        case .revoked: "已撤销"
        }
    }
}
