import Evaluation
import Foundation

/// One line of a ticket's or message's 督办记录: a reminder sent before or after a deadline.
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
