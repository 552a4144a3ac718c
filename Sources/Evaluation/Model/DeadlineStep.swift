/// A step of a ticket or message that has a working-day deadline, and so gets reminders.
public enum DeadlineStep: String, Codable, Sendable, CaseIterable {
    /// 回访核实 of a bad review, due `callback_due`.
    case callback
    /// 整改 of a verified bad review, due `rectify_due`.
    case rectify
    /// 答复 of a consultation, complaint or suggestion, due `answer_due`.
    case answer

    /// The kind of object the step belongs to, as events and the audit log name it.
    var subjectType: String { self == .answer ? "interaction" : "rectification" }

    /// The Chinese name.
    public var label: String {
        switch self {
        case .callback: "回访核实"
        case .rectify: "整改"
        case .answer: "答复"
        }
    }
}
