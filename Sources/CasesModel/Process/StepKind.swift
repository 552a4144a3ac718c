/// What a step of a handling process does (办理环节), in the order the law expects them.
public enum StepKind: String, Codable, Sendable, CaseIterable {
    /// 收件: the application arrives; done by submitting it.
    case receive
    /// 受理: intake decides to accept, reject or ask for correction.
    case accept
    /// 审查: staff examine the application.
    case review
    /// 缴费: the applicant pays the item's fees; the step completes when the payment succeeds.
    case pay
    /// 决定: the approver decides to grant or deny.
    case decide
    /// 办结: the result is produced.
    case conclude
    /// 送达: the result reaches the applicant.
    case deliver

    /// The Chinese name used on pages and in the timeline.
    public var label: String {
        switch self {
        case .receive: "收件"
        case .accept: "受理"
        case .review: "审查"
        case .pay: "缴费"
        case .decide: "决定"
        case .conclude: "办结"
        case .deliver: "送达"
        }
    }
}
