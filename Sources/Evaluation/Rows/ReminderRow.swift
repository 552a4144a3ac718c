import Foundation
import Kernel
import SQLKit

/// Reads `eva_reminders` rows.
enum ReminderRow {
    static func reminder(_ row: any SQLRow) throws -> Reminder {
        Reminder(
            id: try row.decode(column: "id", as: UUID.self),
            step: DeadlineStep(rawValue: try row.decode(column: "step", as: String.self)) ?? .answer,
            stage: ReminderStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .dueSoon,
            dueDay: CalendarDay(dayNumber: try row.decode(column: "due_day", as: Int.self)),
            recipients: try row.decode(column: "recipients", as: Int.self),
            sentAt: try row.decode(column: "sent_at", as: Date.self))
    }
}
