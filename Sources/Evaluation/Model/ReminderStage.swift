/// When a reminder is sent, relative to its step's deadline.
public enum ReminderStage: String, Codable, Sendable, CaseIterable {
    /// 临期提醒: at 09:00 on the working day before the deadline, to the department's responders.
    case dueSoon = "due-soon"
    /// 逾期督办: at 09:00 on the first working day after the deadline, to the responders and the
    /// service supervisors.
    case overdue

    /// The Chinese name.
    public var label: String {
        switch self {
        case .dueSoon: "临期提醒"
        case .overdue: "逾期督办"
        }
    }
}
