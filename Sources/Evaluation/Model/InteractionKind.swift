/// The three kinds of message citizens send about a service (政民互动).
public enum InteractionKind: String, Codable, Sendable, CaseIterable {
    /// 咨询: a question about an item or a department.
    case consultation
    /// 投诉: a complaint.
    case complaint
    /// 建议: a suggestion.
    case suggestion

    /// The Chinese name.
    public var label: String {
        switch self {
        case .consultation: "咨询"
        case .complaint: "投诉"
        case .suggestion: "建议"
        }
    }
}
