import Evaluation
import Foundation
import Kernel

extension EvaluationAPIModels {
    /// A reminder sent about a deadline of a ticket or message (临期提醒 or 逾期督办).
    struct Reminder: Codable {
        var id: UUID
        var step: String
        var stepLabel: String
        var stage: String
        var stageLabel: String
        var dueDay: CalendarDay
        var recipients: Int
        var sentAt: Date

        init(_ reminder: Evaluation.Reminder) {
            id = reminder.id
            step = reminder.step.rawValue
            stepLabel = reminder.step.label
            stage = reminder.stage.rawValue
            stageLabel = reminder.stage.label
            dueDay = reminder.dueDay
            recipients = reminder.recipients
            sentAt = reminder.sentAt
        }
    }

    /// The 督办记录 of a ticket or message, oldest first.
    struct ReminderList: Codable {
        var items: [Reminder]
    }
}
