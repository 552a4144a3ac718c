import Foundation
import Kernel
import SQLKit

/// Reads rectification tickets with the rating they follow.
enum RectificationRow {
    static let select = """
        SELECT t.*, r.case_number, r.level, r.comment, r.item_name, r.department_name, r.rater_account
        FROM eva_rectifications t JOIN eva_ratings r ON r.id = t.rating_id
        """

    static func load(_ id: UUID, sql: any SQLDatabase, lock: String = "") async throws -> (any SQLRow)? {
        try await sql.raw("\(unsafeRaw: select) WHERE t.id = \(bind: id)\(unsafeRaw: lock)").first()
    }

    static func ticket(_ row: any SQLRow) throws -> Rectification {
        func day(_ column: String) throws -> CalendarDay? {
            try row.decode(column: column, as: Int?.self).map(CalendarDay.init(dayNumber:))
        }
        func flag(_ column: String) throws -> Bool? { try row.decode(column: column, as: Int?.self).map { $0 != 0 } }
        let rectifyDue = try day("rectify_due")
        let rectifiedDay = try day("rectified_day")
        return Rectification(
            id: try row.decode(column: "id", as: UUID.self),
            ratingID: try row.decode(column: "rating_id", as: UUID.self),
            caseNumber: try row.decode(column: "case_number", as: String?.self),
            level: RatingLevel(rawValue: try row.decode(column: "level", as: Int.self)) ?? .veryDissatisfied,
            comment: try row.decode(column: "comment", as: String?.self),
            itemName: try row.decode(column: "item_name", as: String.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            departmentName: try row.decode(column: "department_name", as: String.self),
            state: RectificationState(rawValue: try row.decode(column: "state", as: String.self)) ?? .awaitingCallback,
            contactPhoneMasked: try row.decode(column: "contact_phone_masked", as: String.self),
            callbackDue: try day("callback_due") ?? CalendarDay(dayNumber: 0),
            calledBackAt: try row.decode(column: "called_back_at", as: Date?.self),
            verified: try flag("verified"),
            callbackNote: try row.decode(column: "callback_note", as: String?.self),
            plan: try row.decode(column: "plan", as: String?.self),
            rectifyDue: rectifyDue,
            rectifiedAt: try row.decode(column: "rectified_at", as: Date?.self),
            rectifiedOnTime: rectifiedDay.flatMap { done in rectifyDue.map { done <= $0 } },
            feedback: try row.decode(column: "feedback", as: String?.self),
            answeredAt: try row.decode(column: "answered_at", as: Date?.self),
            appealDue: try day("appeal_due"),
            appealReason: try row.decode(column: "appeal_reason", as: String?.self),
            appealUpheld: try flag("appeal_upheld"),
            reviewNote: try row.decode(column: "review_note", as: String?.self),
            closedAt: try row.decode(column: "closed_at", as: Date?.self),
            openedAt: try row.decode(column: "opened_at", as: Date.self))
    }
}
