public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The tickets of the departments `staff` answers for or supervises, open ones first by due day.
    public func rectifications(
        state: RectificationState? = nil, limit: Int = 100, by staff: StaffActor
    ) async throws -> [Rectification] {
        try await database.read { sql in
            let scope = try await reachable(staff, sql: sql)
            var query = SQLQueryString("\(unsafeRaw: RectificationRow.select) WHERE 1 = 1")
            if let state {
                query.appendInterpolation(unsafeRaw: " AND t.state = ")
                query.appendInterpolation(bind: state.rawValue)
            }
            if let scope {
                guard !scope.isEmpty else { return [] }
                Self.restrict(&query, "AND", column: "t.department_id", to: scope)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY t.callback_due, t.opened_at, t.id LIMIT ")
            query.appendInterpolation(bind: min(max(limit, 1), 500))
            return try await sql.raw(query).all().map(RectificationRow.ticket)
        }
    }

    /// One ticket, for staff of its department or a supervisor.
    public func rectification(_ ticketID: UUID, by staff: StaffActor) async throws -> Rectification {
        try await database.read { sql in
            guard let row = try await RectificationRow.load(ticketID, sql: sql) else { throw Self.notFound("整改单") }
            let ticket = try RectificationRow.ticket(row)
            guard
                try await organisation.holdsAny(
                    staff, of: [.evaluationRespond, .evaluationSupervise], department: ticket.departmentID, sql: sql)
            else { throw Self.notFound("整改单") }
            return ticket
        }
    }

    /// The ticket of the citizen's own bad review, if one was opened.
    public func rectification(ofRating ratingID: UUID, by citizen: Citizen) async throws -> Rectification? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    "\(unsafeRaw: RectificationRow.select) WHERE t.rating_id = \(bind: ratingID)"
                ).first(),
                try row.decode(column: "rater_account", as: UUID?.self) == citizen.accountID
            else { return nil }
            return try RectificationRow.ticket(row)
        }
    }
}
