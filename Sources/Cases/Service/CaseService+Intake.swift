public import CasesModel
import CatalogModel
public import Foundation
public import Identity
public import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Accepts a submitted case (受理): the statutory clock starts and the case goes to the
    /// department's back office.
    public func accept(_ caseID: UUID, comment: String = "", by staff: StaffActor) async throws -> CaseRecord {
        let comment = try Self.text(comment, field: "受理意见", maximum: 500, required: false)
        return try await intake(caseID, by: staff) { record, now, tx in
            try await acceptCase(
                record, as: .accepted, detail: CaseEventDetail(comment: comment.nilIfEmpty), actor: .staff(staff),
                at: now, tx: tx)
        }
    }

    /// Accepts a case while minor materials are still missing, on the applicant's written promise
    /// to bring them by `due` (容缺受理). The materials must belong to the item and not be in yet.
    public func acceptPending(
        _ caseID: UUID, materials: [String], promise: String, due: CalendarDay, by staff: StaffActor
    ) async throws -> CaseRecord {
        let promise = try Self.text(promise, field: "承诺内容", maximum: 500, required: true)
        let today = CalendarDay(clock.now())
        guard due > today, due <= today.adding(days: 60) else {
            throw Self.invalid("pending-due", "补交期限有误", "容缺材料的补交期限应在今天之后的60天以内。")
        }
        guard !materials.isEmpty, Set(materials).count == materials.count else {
            throw Self.invalid("pending-materials", "请选择容缺材料", "容缺受理须列出待补交的材料，且不能重复。")
        }
        return try await intake(caseID, by: staff) { record, now, tx in
            let guide = try await catalog.guide(itemID: record.itemID, version: record.itemVersion)
            let received = Set(try await Self.materials(of: caseID, sql: tx.sql).map(\.materialCode))
            for code in materials {
                guard guide.materials.contains(where: { $0.code == code }), !received.contains(code) else {
                    throw Self.invalid(
                        "pending-materials", "容缺材料有误", "材料 \(code.prefix(20)) 不属于该事项，或已经收到，不能作为容缺材料。")
                }
            }
            return try await acceptCase(
                record, as: .acceptedPending,
                detail: CaseEventDetail(materials: materials, dueDay: due.description, promise: promise),
                actor: .staff(staff), at: now, tx: tx)
        }
    }

    /// Refuses a submitted case (不予受理) with a reason; the applicant gets the 不予受理通知书.
    public func reject(_ caseID: UUID, reason: String, by staff: StaffActor) async throws -> CaseRecord {
        let reason = try Self.text(reason, field: "不予受理理由", maximum: 500, required: true)
        return try await intake(caseID, by: staff) { record, now, tx in
            try await StepOpener.cancelOpenTasks(of: caseID, at: now, tx: tx)
            try await setState(caseID, .rejected, concluded: true, at: now, tx: tx)
            try await EventRow.append(
                .rejected, caseID: caseID, step: "accept", detail: CaseEventDetail(reason: reason),
                actor: staff.auditActor.id, channel: CaseActor.staff(staff).channelName, at: now, tx: tx)
            try await publish(.rejected, record, state: .rejected, reason: reason, at: now, tx: tx)
            try await notify(record, "不予受理，理由：\(reason)。您可在“我的办件”中查看不予受理通知书。", tx: tx)
            return try await reload(caseID, tx: tx)
        }
    }

    /// Runs an intake command on a case waiting for acceptance: loads and locks it, checks that
    /// `staff` may take in cases of its department (or started it at their window), audits.
    private func intake(
        _ caseID: UUID, by staff: StaffActor,
        _ body: @escaping @Sendable (CaseRecord, Date, Transaction) async throws -> CaseRecord
    ) async throws -> CaseRecord {
        let now = clock.now()
        return try await database.transaction { tx in
            let record = try await loadForStaffCommand(caseID, by: staff, tx: tx) { record in
                try await authorizeIntake(staff, record, sql: tx.sql)
            }
            guard record.state == .submitted else {
                throw Self.conflict("not-submitted", "办件当前状态为“\(record.state.label)”，只有待受理的办件可以受理或不予受理。")
            }
            let result = try await body(record, now, tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "cases.intake-\(result.state.rawValue)", objectType: "case", objectID: caseID.uuidString,
                    changeDigest: result.number ?? ""), in: tx)
            return result
        }
    }

    /// Intake needs `cases.intake` for the case's department, or the case must have been started
    /// at this clerk's window (一窗受理: the general window accepts for every department).
    func authorizeIntake(_ staff: StaffActor, _ record: CaseRecord, sql: any SQLDatabase) async throws {
        if (try? await organisation.authorize(staff, .casesIntake, department: record.departmentID, sql: sql)) != nil {
            return
        }
        try await organisation.authorize(staff, .casesIntake, department: nil, sql: sql)
        let creator = try await CaseRow.creator(of: record.id, sql: sql)
        guard creator == staff.auditActor.id else {
            throw DomainError(.forbidden, code: "cases.forbidden", title: "无权受理", detail: "您没有受理该部门办件的权限。")
        }
    }

    /// Accepts `record` as `kind` (accepted, 容缺 or automatic): closes the accept step, starts the
    /// clock, opens the next step.
    func acceptCase(
        _ record: CaseRecord, as kind: CaseEventKind, detail: CaseEventDetail, actor: CaseActor, at now: Date,
        tx: Transaction
    ) async throws -> CaseRecord {
        let decider: UUID? = if case .staff(let staff) = actor { staff.staffID } else { nil }
        try await tx.sql.raw(
            """
            UPDATE case_tasks SET state = 'done', decision = 'accept', decided_at = \(bind: now),
                decided_by = \(bind: decider), assignee = COALESCE(assignee, \(bind: decider)), revision = revision + 1
            WHERE case_id = \(bind: record.id) AND step_kind = 'accept' AND state IN ('open', 'claimed')
            """
        ).run()
        let process = try definition(of: record)
        let acceptStep = process.steps.first { $0.kind == .accept }
        let seq = try await EventRow.append(
            kind, caseID: record.id, step: acceptStep?.id, detail: detail, actor: actor.auditActor.id,
            channel: actor.channelName, at: now, tx: tx)
        // Opening a step and the clock read only what acceptance leaves alone (id, department,
        // process, limits), so `record` serves until the one reload below.
        if let acceptStep, let next = try await step(after: acceptStep, in: process, caseID: record.id, sql: tx.sql) {
            try await StepOpener(organisation: organisation).open(next, of: record, round: seq, at: now, tx: tx)
        }
        // The acceptance is written with the started clock's deadline, in one statement.
        try await refreshClock(
            record, at: now, tx: tx,
            alongWith:
                "state = 'in-progress', accepted_at = \(bind: now), updated_at = \(bind: now), revision = revision + 1")
        let current = try await reload(record.id, tx: tx)
        try await publish(.accepted, current, state: .inProgress, at: now, tx: tx)
        let deadline = current.deadline.map { "，承诺于 \($0) 前办结" } ?? ""
        try await notify(current, "已受理\(deadline)。", tx: tx)
        return current
    }

    func setState(_ caseID: UUID, _ state: CaseState, concluded: Bool = false, at now: Date, tx: Transaction)
        async throws
    {
        let concludedAt: Date? = concluded ? now : nil
        try await tx.sql.raw(
            """
            UPDATE case_cases SET state = \(bind: state.rawValue), updated_at = \(bind: now), revision = revision + 1,
                concluded_at = COALESCE(\(bind: concludedAt), concluded_at)
            WHERE id = \(bind: caseID)
            """
        ).run()
    }

    func reload(_ caseID: UUID, tx: Transaction) async throws -> CaseRecord {
        guard let record = try await CaseRow.load(caseID, sql: tx.sql) else { throw Self.notFound() }
        return record
    }

    /// Trims `text` and checks its length and characters.
    static func text(_ text: String, field: String, maximum: Int, required: Bool) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !required || !trimmed.isEmpty else { throw invalid("text-required", "请填写\(field)", "\(field)不能为空。") }
        guard trimmed.count <= maximum,
            !trimmed.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
            })
        else { throw invalid("text-invalid", "\(field)有误", "\(field)不能超过\(maximum)个字，且不能含控制字符。") }
        return trimmed
    }
}

extension String {
    /// Nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
