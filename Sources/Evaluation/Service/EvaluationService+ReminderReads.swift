public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The reminders sent about a ticket or message, oldest first, for staff of its department or
    /// a supervisor (others learn nothing, not even that the subject exists).
    public func reminders(of subjectID: UUID, by staff: StaffActor) async throws -> [Reminder] {
        try await database.read { sql in
            let rows = try await sql.raw(
                "SELECT * FROM eva_reminders WHERE subject_id = \(bind: subjectID) ORDER BY sent_at, stage"
            ).all()
            guard let first = rows.first else { return [] }
            let department = try first.decode(column: "department_id", as: UUID.self)
            guard
                try await organisation.holdsAny(
                    staff, of: [.evaluationRespond, .evaluationSupervise], department: department, sql: sql)
            else { throw Self.notFound("督办记录") }
            return try rows.map(ReminderRow.reminder)
        }
    }

    /// The title and text of a recorded reminder's SMS, or nil when the reminder or its subject is
    /// gone.
    func reminderText(_ reminderID: UUID) async throws -> (title: String, content: String)? {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT * FROM eva_reminders WHERE id = \(bind: reminderID)").first()
            else { return nil }
            let reminder = try ReminderRow.reminder(row)
            let (step, stage, due) = (reminder.step, reminder.stage, reminder.dueDay)
            let subjectID = try row.decode(column: "subject_id", as: UUID.self)
            let subject: String
            if step == .answer {
                guard
                    let message = try await sql.raw(
                        "SELECT kind, number FROM eva_interactions WHERE id = \(bind: subjectID)"
                    ).first()
                else { return nil }
                let kind = InteractionKind(rawValue: try message.decode(column: "kind", as: String.self))
                subject = "\(kind?.label ?? "")留言\(try message.decode(column: "number", as: String.self))"
            } else {
                guard
                    let ticket = try await sql.raw(
                        """
                        SELECT r.item_name FROM eva_rectifications t JOIN eva_ratings r ON r.id = t.rating_id
                        WHERE t.id = \(bind: subjectID)
                        """
                    ).first()
                else { return nil }
                subject = "“\(try ticket.decode(column: "item_name", as: String.self))”的差评整改单"
            }
            let content =
                switch stage {
                case .dueSoon: "\(subject)的\(step.label)将于\(due)到期，请及时办理。"
                case .overdue: "\(subject)的\(step.label)已于\(due)到期仍未办理，请尽快办理并说明原因。"
                }
            return (stage.label, "【\(stage.label)】" + content)
        }
    }
}
