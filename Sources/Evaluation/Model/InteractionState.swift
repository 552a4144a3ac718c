/// Where a consultation, complaint or suggestion stands.
public enum InteractionState: String, Codable, Sendable, CaseIterable {
    /// 待答复.
    case open
    /// 已答复: the citizen may now rate the answer.
    case answered
    /// 已评价: the citizen gave feedback on the answer.
    case closed

    /// The Chinese name.
    public var label: String {
        switch self {
        case .open: "待答复"
        case .answered: "已答复"
        case .closed: "已评价"
        }
    }
}
