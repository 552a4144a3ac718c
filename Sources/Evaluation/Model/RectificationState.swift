/// Where a bad review's rectification ticket (差评整改单) stands.
///
/// awaiting-callback → rectifying (verified) or explaining (not verified) → answered; answered → closed when the citizen accepts or lets the appeal period pass, or
/// appealed → (upheld) rectifying again, or (dismissed) closed.
public enum RectificationState: String, Codable, Sendable, CaseIterable {
    /// 待回访核实: the department must call the citizen back.
    case awaitingCallback = "awaiting-callback"
    /// 整改中: the complaint was verified and is being put right by the deadline.
    case rectifying
    /// 待解释说明: the call-back found the complaint not true; the department explains why.
    case explaining
    /// 已反馈: the result (or the explanation) was given to the citizen, who may appeal.
    case answered
    /// 申诉中: the citizen appealed; a supervisor decides.
    case appealed
    /// 已办结.
    case closed

    /// The Chinese name.
    public var label: String {
        switch self {
        case .awaitingCallback: "待回访核实"
        case .rectifying: "整改中"
        case .explaining: "待解释说明"
        case .answered: "已反馈待确认"
        case .appealed: "申诉复核中"
        case .closed: "已办结"
        }
    }
}
