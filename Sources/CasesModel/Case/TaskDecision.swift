/// What a clerk decides on a task of the review, decide, conclude or deliver steps.
public enum TaskDecision: Codable, Sendable, Hashable {
    /// 通过 / 准予: the step is passed (on a decide step: granted).
    case approve
    /// 不予: denied; the case concludes as denied.
    case deny
    /// 退回: back to the earlier step `to`.
    case sendBack(to: String)

    /// The Chinese name.
    public var label: String {
        switch self {
        case .approve: "通过"
        case .deny: "不予通过"
        case .sendBack: "退回"
        }
    }

    /// The stored word: `approve`, `deny` or `return`.
    public var code: String {
        switch self {
        case .approve: "approve"
        case .deny: "deny"
        case .sendBack: "return"
        }
    }
}
