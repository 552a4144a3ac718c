import Foundation
import Kernel
import SQLKit

/// Reads `eva_interactions` rows.
enum InteractionRow {
    static func load(_ id: UUID, sql: any SQLDatabase, lock: String = "") async throws -> (any SQLRow)? {
        try await sql.raw("SELECT * FROM eva_interactions WHERE id = \(bind: id)\(unsafeRaw: lock)").first()
    }

    static func interaction(_ row: any SQLRow) throws -> Interaction {
        let due = CalendarDay(dayNumber: try row.decode(column: "answer_due", as: Int.self))
        let answeredDay = try row.decode(column: "answered_day", as: Int?.self)
        return Interaction(
            id: try row.decode(column: "id", as: UUID.self),
            number: try row.decode(column: "number", as: String.self),
            kind: InteractionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .consultation,
            source: InteractionSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .online,
            itemCode: try row.decode(column: "item_code", as: String?.self),
            itemName: try row.decode(column: "item_name", as: String?.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            departmentName: try row.decode(column: "department_name", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            content: try row.decode(column: "content", as: String.self),
            contactNameMasked: try row.decode(column: "contact_name_masked", as: String.self),
            contactPhoneMasked: try row.decode(column: "contact_phone_masked", as: String.self),
            state: InteractionState(rawValue: try row.decode(column: "state", as: String.self)) ?? .open,
            answerDue: due,
            answer: try row.decode(column: "answer", as: String?.self),
            answeredAt: try row.decode(column: "answered_at", as: Date?.self),
            answeredOnTime: answeredDay.map { $0 <= due.dayNumber },
            feedbackLevel: try row.decode(column: "feedback_level", as: Int?.self).flatMap(RatingLevel.init(rawValue:)),
            feedbackComment: try row.decode(column: "feedback_comment", as: String?.self),
            faqID: try row.decode(column: "faq_id", as: UUID?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
