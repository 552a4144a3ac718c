public import Foundation
public import Identity
public import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// Opens the ticket of a bad review, with the applicant's contact sealed for the call-back.
    func openRectification(for rating: Rating, at now: Date, tx: Transaction) async throws {
        let (_, applicant) = try await cases.ratingSource(rating.caseID, in: tx)
        let id = UUID()
        let contact = ContactCard(name: applicant.name, phone: applicant.phone)
        let sealed = Data(try sealer.seal(try contact.json(), context: Self.contactContext(id)))
        let callbackDue = try workdaysFromToday(settings.callbackWorkdays)
        try await tx.sql.raw(
            """
            INSERT INTO eva_rectifications (id, rating_id, department_id, state, contact_sealed, contact_phone_masked,
                callback_due, opened_at, revision)
            VALUES (\(bind: id), \(bind: rating.id), \(bind: rating.departmentID),
                \(bind: RectificationState.awaitingCallback.rawValue), \(bind: sealed),
                \(bind: Masking.phone(applicant.phone)), \(bind: callbackDue.dayNumber),
                \(bind: now), 1)
            """
        ).run()
        try await audit.append(
            Actor.system.entry(
                action: "evaluation.rectification-opened", objectType: "rectification", objectID: id.uuidString,
                changeDigest: rating.id.uuidString), in: tx)
        try await deadlineStarted(.callback, of: id, due: callbackDue, tx: tx)
    }

    static func contactContext(_ id: UUID) -> String { "eva.contact/" + id.uuidString }

    /// Records the call-back (回访核实): whether the complaint is true and, if so, the plan and its
    /// deadline, at most `rectificationWorkdays` working days ahead (that limit when none is given).
    public func callBack(
        _ ticketID: UUID, verified: Bool, note: String, plan: String? = nil, deadline: CalendarDay? = nil,
        by staff: StaffActor
    ) async throws -> Rectification {
        let note = try Self.text(note, "回访情况", 2...1000, code: "callback-note")
        let latest = try workdaysFromToday(settings.rectificationWorkdays)
        var due: CalendarDay?
        var checkedPlan: String?
        if verified {
            checkedPlan = try Self.text(plan, "整改措施", 2...1000, code: "plan")
            let chosen = deadline ?? latest
            guard chosen >= today, chosen <= latest else {
                throw Self.invalid(
                    "deadline", "整改期限有误",
                    "整改期限须在今天（\(today)）到 \(latest)（\(settings.rectificationWorkdays)个工作日）之间。")
            }
            due = chosen
        }
        let (rectifyDue, checkedPlanText) = (due, checkedPlan)
        return try await change(ticketID, from: [.awaitingCallback], action: "evaluation.called-back", by: staff) {
            ticket, now, tx in
            try await tx.sql.raw(
                """
                UPDATE eva_rectifications SET state = \(bind: verified ? "rectifying" : "explaining"),
                    called_back_at = \(bind: now), called_back_day = \(bind: today.dayNumber),
                    verified = \(bind: verified ? 1 : 0), callback_note = \(bind: note), plan = \(bind: checkedPlanText),
                    rectify_due = \(bind: rectifyDue?.dayNumber), revision = revision + 1
                WHERE id = \(bind: ticket.id)
                """
            ).run()
            if let rectifyDue { try await deadlineStarted(.rectify, of: ticket.id, due: rectifyDue, tx: tx) }
            return verified ? "verified" : "not-verified"
        }
    }

    /// Gives the citizen the result of the rectification, or the explanation when the complaint
    /// was not true; the citizen may then accept it or appeal within `appealWorkdays`.
    public func answer(_ ticketID: UUID, feedback: String, by staff: StaffActor) async throws -> Rectification {
        let feedback = try Self.text(feedback, "反馈内容", 5...1000, code: "feedback")
        let appealDue = try workdaysFromToday(settings.appealWorkdays)
        return try await change(ticketID, from: [.rectifying, .explaining], action: "evaluation.answered", by: staff) {
            ticket, now, tx in
            let rectified = ticket.state == .rectifying
            try await tx.sql.raw(
                """
                UPDATE eva_rectifications SET state = 'answered', feedback = \(bind: feedback),
                    answered_at = \(bind: now), appeal_due = \(bind: appealDue.dayNumber),
                    rectified_at = \(bind: rectified ? now : nil), rectified_day = \(bind: rectified ? today.dayNumber : nil),
                    revision = revision + 1
                WHERE id = \(bind: ticket.id)
                """
            ).run()
            try await notify(
                try await raterAccount(of: ticket.ratingID, sql: tx.sql), title: "您的差评已有处理结果",
                content: "您对“\(ticket.itemName)”的评价，\(ticket.departmentName)已反馈：\(feedback) 如不认可，可在 \(appealDue) 前申诉。",
                tx: tx)
            return rectified ? "rectified" : "explained"
        }
    }

    /// Runs one staff step of a ticket: loads and locks it, checks the permission on its
    /// department and its state, applies `body`, audits.
    func change(
        _ ticketID: UUID, from states: Set<RectificationState>, action: String,
        permission: Permission = .evaluationRespond,
        by staff: StaffActor, _ body: @Sendable (Rectification, Date, Transaction) async throws -> String
    ) async throws -> Rectification {
        let now = clock.now()
        return try await database.transaction { tx in
            guard let row = try await RectificationRow.load(ticketID, sql: tx.sql, lock: tx.forUpdate) else {
                throw Self.notFound("整改单")
            }
            let ticket = try RectificationRow.ticket(row)
            try await authorize(staff, permission, department: ticket.departmentID, tx: tx)
            guard states.contains(ticket.state) else {
                throw Self.conflict("rectification-state", "整改单当前为“\(ticket.state.label)”，不能进行此操作。")
            }
            let digest = try await body(ticket, now, tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: action, objectType: "rectification", objectID: ticketID.uuidString, changeDigest: digest),
                in: tx)
            guard let updated = try await RectificationRow.load(ticketID, sql: tx.sql) else {
                throw Self.notFound("整改单")
            }
            return try RectificationRow.ticket(updated)
        }
    }
}
