/// What happened to a case; the timeline and the statutory clock are read from these.
public enum CaseEventKind: String, Codable, Sendable, CaseIterable {
    /// A draft was saved.
    case drafted
    /// Submitted (收件), with a case number.
    case submitted
    /// Accepted (受理); the clock starts.
    case accepted
    /// Accepted with minor materials pending on the applicant's promise (容缺受理).
    case acceptedPending = "accepted-pending"
    /// Accepted by the platform because nobody decided in time.
    case autoAccepted = "auto-accepted"
    /// Refused at intake (不予受理).
    case rejected
    /// A one-time correction notice (一次性告知) was sent; a running clock stops.
    case correctionRequested = "correction-requested"
    /// The applicant answered the correction; a stopped clock runs again.
    case corrected
    /// A material was received (uploaded or on paper).
    case materialReceived = "material-received"
    /// A clerk claimed a task.
    case claimed
    /// A clerk put a task back in the queue.
    case released
    /// A task was decided.
    case decided
    /// The fees were paid and the payment step completed.
    case paid
    /// A step was completed and the case moved on.
    case stepCompleted = "step-completed"
    /// The case was sent back to an earlier step.
    case returned
    /// The clock stopped for a special procedure or a suspension.
    case paused
    /// The clock runs again.
    case resumed
    /// The limit was extended by an approver.
    case extended
    /// A yellow or red deadline warning fired.
    case warned
    /// Concluded, approved or denied.
    case concluded
    /// Withdrawn by the applicant.
    case withdrawn
    /// The applicant or the window continued the case in another channel.
    case channelChanged = "channel-changed"

    /// The Chinese name shown in the timeline.
    public var label: String {
        switch self {
        case .drafted: "保存草稿"
        case .submitted: "提交申请"
        case .accepted: "受理"
        case .acceptedPending: "容缺受理"
        case .autoAccepted: "逾期自动受理"
        case .rejected: "不予受理"
        case .correctionRequested: "一次性告知补正"
        case .corrected: "提交补正材料"
        case .materialReceived: "收取材料"
        case .claimed: "认领"
        case .released: "退回队列"
        case .decided: "办理意见"
        case .paid: "缴费成功"
        case .stepCompleted: "环节完成"
        case .returned: "退回"
        case .paused: "中止计时"
        case .resumed: "恢复计时"
        case .extended: "延期"
        case .warned: "时限预警"
        case .concluded: "办结"
        case .withdrawn: "撤回申请"
        case .channelChanged: "变更办理渠道"
        }
    }
}
