public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// The citizen accepts the department's answer; the ticket closes.
    public func accept(_ ticketID: UUID, by citizen: Citizen) async throws -> Rectification {
        try await citizenStep(ticketID, action: "evaluation.answer-accepted", by: citizen) { ticket, now, tx in
            try await tx.sql.raw(
                """
                UPDATE eva_rectifications SET state = 'closed', closed_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: ticket.id)
                """
            ).run()
        }
    }

    /// The citizen appeals the answer (申诉) by the appeal deadline; a supervisor then decides.
    public func appeal(_ ticketID: UUID, reason: String, by citizen: Citizen) async throws -> Rectification {
        let reason = try Self.text(reason, "申诉理由", 5...1000, code: "appeal-reason")
        return try await citizenStep(ticketID, action: "evaluation.appealed", by: citizen) { ticket, now, tx in
            guard let due = ticket.appealDue, today <= due else {
                throw Self.conflict("appeal-late", "申诉期已于 \(ticket.appealDue?.description ?? "") 结束，不能再申诉。")
            }
            try await tx.sql.raw(
                """
                UPDATE eva_rectifications SET state = 'appealed', appeal_reason = \(bind: reason),
                    appealed_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: ticket.id)
                """
            ).run()
        }
    }

    /// The supervisor's review decision (复核): an upheld appeal sends the ticket back to
    /// rectification with a new deadline; a dismissed one closes it.
    public func decideAppeal(_ ticketID: UUID, upheld: Bool, note: String, by staff: StaffActor) async throws
        -> Rectification
    {
        let note = try Self.text(note, "复核意见", 5...1000, code: "review-note")
        let due = try workdaysFromToday(settings.rectificationWorkdays)
        return try await change(
            ticketID, from: [.appealed], action: "evaluation.appeal-decided", permission: .evaluationSupervise,
            by: staff
        ) { ticket, now, tx in
            if upheld {
                try await tx.sql.raw(
                    """
                    UPDATE eva_rectifications SET state = 'rectifying', appeal_upheld = 1, review_note = \(bind: note),
                        verified = 1, plan = \(bind: note), rectify_due = \(bind: due.dayNumber),
                        rectified_at = NULL, rectified_day = NULL, answered_at = NULL, appeal_due = NULL,
                        revision = revision + 1
                    WHERE id = \(bind: ticket.id)
                    """
                ).run()
                try await deadlineStarted(.rectify, of: ticket.id, due: due, tx: tx)
            } else {
                try await tx.sql.raw(
                    """
                    UPDATE eva_rectifications SET state = 'closed', appeal_upheld = 0, review_note = \(bind: note),
                        closed_at = \(bind: now), revision = revision + 1
                    WHERE id = \(bind: ticket.id)
                    """
                ).run()
            }
            try await notify(
                try await raterAccount(of: ticket.ratingID, sql: tx.sql), title: "您的申诉已复核",
                content: upheld
                    ? "您对“\(ticket.itemName)”的申诉成立，\(ticket.departmentName)将重新整改：\(note)"
                    : "您对“\(ticket.itemName)”的申诉经复核不成立：\(note)",
                tx: tx)
            return upheld ? "upheld" : "dismissed"
        }
    }

    /// The bad reviewer's name and phone in clear, for the call-back; audited.
    public func revealContact(_ ticketID: UUID, by staff: StaffActor) async throws -> (name: String, phone: String) {
        let card = try await database.transaction { tx in
            guard let row = try await RectificationRow.load(ticketID, sql: tx.sql) else { throw Self.notFound("整改单") }
            let ticket = try RectificationRow.ticket(row)
            try await authorize(staff, .evaluationRespond, department: ticket.departmentID, tx: tx)
            guard let sealed = try row.decode(column: "contact_sealed", as: Data?.self) else {
                throw Self.notFound("联系方式")
            }
            try await audit.append(
                staff.auditActor.entry(
                    action: "evaluation.contact-revealed", objectType: "rectification", objectID: ticketID.uuidString,
                    changeDigest: "callback"), in: tx)
            return try ContactCard.parse(try sealer.open(Array(sealed), context: Self.contactContext(ticketID)))
        }
        return (card.name, card.phone)
    }

    /// One step the bad reviewer takes on their own ticket while it is answered.
    func citizenStep(
        _ ticketID: UUID, action: String, by citizen: Citizen,
        _ body: @Sendable (Rectification, Date, Transaction) async throws -> Void
    ) async throws -> Rectification {
        let now = clock.now()
        return try await database.transaction { tx in
            guard let row = try await RectificationRow.load(ticketID, sql: tx.sql, lock: tx.forUpdate),
                try row.decode(column: "rater_account", as: UUID?.self) == citizen.accountID
            else { throw Self.notFound("整改单") }
            let ticket = try RectificationRow.ticket(row)
            guard ticket.state == .answered else {
                throw Self.conflict("rectification-state", "整改单当前为“\(ticket.state.label)”，部门反馈后才能确认或申诉。")
            }
            try await body(ticket, now, tx)
            try await audit.append(
                citizen.auditActor.entry(
                    action: action, objectType: "rectification", objectID: ticketID.uuidString, changeDigest: action),
                in: tx)
            guard let updated = try await RectificationRow.load(ticketID, sql: tx.sql) else {
                throw Self.notFound("整改单")
            }
            return try RectificationRow.ticket(updated)
        }
    }
}
