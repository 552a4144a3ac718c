/// Where a case stands (办件状态).
public enum CaseState: String, Codable, Sendable, CaseIterable {
    /// 草稿: saved, not yet submitted.
    case draft
    /// 待受理: submitted, waiting for intake.
    case submitted
    /// 待补正: the applicant must correct or add materials; the clock is stopped.
    case correction
    /// 办理中: accepted and moving through the steps.
    case inProgress = "in-progress"
    /// 中止: stopped for a special procedure or a suspension; the clock is stopped.
    case paused
    /// 办结: decided, approved or denied.
    case concluded
    /// 不予受理: refused at intake.
    case rejected
    /// 已撤回: withdrawn by the applicant.
    case withdrawn

    /// The Chinese name.
    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "待受理"
        case .correction: "待补正"
        case .inProgress: "办理中"
        case .paused: "中止"
        case .concluded: "已办结"
        case .rejected: "不予受理"
        case .withdrawn: "已撤回"
        }
    }

    /// Whether nothing more happens to the case.
    public var isFinal: Bool { self == .concluded || self == .rejected || self == .withdrawn }
}
