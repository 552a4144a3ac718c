public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The department answers a message; answering after the due day is allowed and counted late.
    public func answer(message id: UUID, _ text: String, by staff: StaffActor) async throws -> Interaction {
        let text = try Self.text(text, "答复内容", 5...2000, code: "answer")
        let now = clock.now()
        return try await database.transaction { tx in
            guard let row = try await InteractionRow.load(id, sql: tx.sql, lock: tx.forUpdate) else {
                throw Self.notFound("留言")
            }
            let message = try InteractionRow.interaction(row)
            try await authorize(staff, .evaluationRespond, department: message.departmentID, tx: tx)
            guard message.state == .open else { throw Self.conflict("message-answered", "该留言已答复。") }
            try await tx.sql.raw(
                """
                UPDATE eva_interactions SET state = 'answered', answer = \(bind: text),
                    answered_by = \(bind: staff.auditActor.id), answered_at = \(bind: now),
                    answered_day = \(bind: today.dayNumber), revision = revision + 1
                WHERE id = \(bind: id)
                """
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "evaluation.message-answered", objectType: "interaction", objectID: id.uuidString,
                    changeDigest: message.number), in: tx)
            try await notify(
                try row.decode(column: "account_id", as: UUID?.self), title: "您的\(message.kind.label)已答复",
                content:
                    "您的\(message.kind.label)“\(message.title)”（\(message.number)）已由\(message.departmentName)答复，请登录查看并评价。",
                tx: tx)
            guard let updated = try await InteractionRow.load(id, sql: tx.sql) else { throw Self.notFound("留言") }
            return try InteractionRow.interaction(updated)
        }
    }

    /// The citizen rates the answer to their message, once.
    public func feedback(message id: UUID, level: RatingLevel, comment: String?, by citizen: Citizen) async throws
        -> Interaction
    {
        let comment = try Self.optionalText(comment, "评价意见", max: 500, code: "comment")
        let now = clock.now()
        return try await database.transaction { tx in
            guard let row = try await InteractionRow.load(id, sql: tx.sql, lock: tx.forUpdate),
                try row.decode(column: "account_id", as: UUID?.self) == citizen.accountID
            else { throw Self.notFound("留言") }
            let message = try InteractionRow.interaction(row)
            guard message.state == .answered else {
                throw Self.conflict("message-state", "留言当前为“\(message.state.label)”，答复后才能评价，且只能评价一次。")
            }
            try await tx.sql.raw(
                """
                UPDATE eva_interactions SET state = 'closed', feedback_level = \(bind: level.rawValue),
                    feedback_comment = \(bind: comment), feedback_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: id)
                """
            ).run()
            try await audit.append(
                citizen.auditActor.entry(
                    action: "evaluation.message-feedback", objectType: "interaction", objectID: id.uuidString,
                    changeDigest: "\(level.rawValue)"), in: tx)
            guard let updated = try await InteractionRow.load(id, sql: tx.sql) else { throw Self.notFound("留言") }
            return try InteractionRow.interaction(updated)
        }
    }

    /// The citizen's messages, newest first.
    public func myMessages(_ citizen: Citizen, limit: Int = 50) async throws -> [Interaction] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT * FROM eva_interactions WHERE account_id = \(bind: citizen.accountID)
                ORDER BY created_at DESC, id LIMIT \(bind: min(max(limit, 1), 200))
                """
            ).all().map(InteractionRow.interaction)
        }
    }

    /// One of the citizen's messages.
    public func message(_ id: UUID, by citizen: Citizen) async throws -> Interaction {
        try await database.read { sql in
            guard let row = try await InteractionRow.load(id, sql: sql),
                try row.decode(column: "account_id", as: UUID?.self) == citizen.accountID
            else { throw Self.notFound("留言") }
            return try InteractionRow.interaction(row)
        }
    }

    /// One message, for staff of its department or a supervisor.
    public func message(_ id: UUID, by staff: StaffActor) async throws -> Interaction {
        try await database.read { sql in
            guard let row = try await InteractionRow.load(id, sql: sql) else { throw Self.notFound("留言") }
            let message = try InteractionRow.interaction(row)
            guard
                try await organisation.holdsAny(
                    staff, of: [.evaluationRespond, .evaluationSupervise], department: message.departmentID, sql: sql)
            else { throw Self.notFound("留言") }
            return message
        }
    }

    /// The messages of the departments `staff` answers for, open ones first by due day.
    public func messages(state: InteractionState? = nil, limit: Int = 100, by staff: StaffActor) async throws
        -> [Interaction]
    {
        try await database.read { sql in
            let scope = try await reachable(staff, sql: sql)
            var query = SQLQueryString("SELECT * FROM eva_interactions WHERE 1 = 1")
            if let state {
                query.appendInterpolation(unsafeRaw: " AND state = ")
                query.appendInterpolation(bind: state.rawValue)
            }
            if let scope {
                guard !scope.isEmpty else { return [] }
                Self.restrict(&query, "AND", column: "department_id", to: scope)
            }
            query.appendInterpolation(
                unsafeRaw: " ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, answer_due, id LIMIT ")
            query.appendInterpolation(bind: min(max(limit, 1), 500))
            return try await sql.raw(query).all().map(InteractionRow.interaction)
        }
    }
}
