import Evaluation
import Foundation

/// A ticket's or message's 督办记录, the reminders sent before and after its deadlines; nil when
/// there are none, so the template shows the section only when it has lines.
struct EvaluationPageReminders {
    var lines: [EvaluationPageReminderLine]

    static func of(_ reminders: [Reminder]) -> EvaluationPageReminders? {
        reminders.isEmpty ? nil : EvaluationPageReminders(lines: reminders.map(EvaluationPageReminderLine.init))
    }
}

/// One line of the 督办记录: a reminder sent before or after a deadline.
struct EvaluationPageReminderLine {
    var stage: String
    var overdue: Bool
    var step: String
    var dueDay: String
    var sentAt: String
    var recipients: Int

    init(_ reminder: Reminder) {
        stage = reminder.stage.label
        overdue = reminder.stage == .overdue
        step = reminder.step.label
        dueDay = reminder.dueDay.description
        sentAt = CasePageFormat.time(reminder.sentAt)
        recipients = reminder.recipients
    }
}
