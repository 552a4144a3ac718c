public import CasesModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Stops the clock for a special procedure (听证、检验检测、专家评审) or a suspension (中止);
    /// the case's tasks wait until it resumes.
    public func pause(_ caseID: UUID, reason: PauseReason, comment: String, by staff: StaffActor) async throws
        -> CaseRecord
    {
        guard reason != .correction, reason != .payment else {
            throw Self.invalid("pause-reason", "中止原因有误", "补正请使用一次性告知；待缴费由缴费环节自动计停，不能作为中止原因。")
        }
        let comment = try Self.text(comment, field: "中止说明", maximum: 500, required: true)
        return try await clockCommand(caseID, by: staff, permission: .casesHandle, from: .inProgress, action: "pause") {
            record, now, tx in
            // The payment step has stopped the clock already, and its payment must find the case in progress.
            let awaitingPayment = try await tx.sql.raw(
                """
                SELECT id FROM case_tasks WHERE case_id = \(bind: caseID) AND step_kind = 'pay' AND state IN ('open', 'claimed')
                """
            ).first()
            guard awaitingPayment == nil else {
                throw Self.conflict("awaiting-payment", "办件正在等待申请人缴费，计时已暂停，不能再中止。")
            }
            try await setState(caseID, .paused, at: now, tx: tx)
            try await EventRow.append(
                .paused, caseID: caseID, detail: CaseEventDetail(reason: comment, pauseReason: reason),
                actor: staff.auditActor.id, channel: CaseActor.staff(staff).channelName, at: now, tx: tx)
            try await publish(.paused, record, state: .paused, reason: comment, at: now, tx: tx)
            try await notify(record, "因\(reason.label)暂停计时：\(comment)。", tx: tx)
        }
    }

    /// Lets the clock run again after a pause.
    public func resume(_ caseID: UUID, by staff: StaffActor) async throws -> CaseRecord {
        try await clockCommand(caseID, by: staff, permission: .casesHandle, from: .paused, action: "resume") {
            record, now, tx in
            try await setState(caseID, .inProgress, at: now, tx: tx)
            try await EventRow.append(
                .resumed, caseID: caseID, actor: staff.auditActor.id, channel: CaseActor.staff(staff).channelName,
                at: now, tx: tx)
            try await publish(.resumed, record, state: .inProgress, at: now, tx: tx)
            try await notify(record, "恢复办理，继续计时。", tx: tx)
        }
    }

    /// Extends the limit by `days` (延期); needs an approver (`cases.approve`) and a reason, and is
    /// allowed once per case (行政许可法 art. 42 allows one extension).
    public func extend(_ caseID: UUID, days: Int, reason: String, by staff: StaffActor) async throws -> CaseRecord {
        let reason = try Self.text(reason, field: "延期理由", maximum: 500, required: true)
        guard (1...60).contains(days) else {
            throw Self.invalid("extension-days", "延期天数有误", "延期天数应为1至60天。")
        }
        return try await clockCommand(caseID, by: staff, permission: .casesApprove, from: .inProgress, action: "extend")
        {
            record, now, tx in
            let events = try await EventRow.events(of: caseID, sql: tx.sql)
            guard !events.contains(where: { $0.kind == .extended }) else {
                throw Self.conflict("extended-once", "该办件已经延期过一次，不能再次延期。")
            }
            try await EventRow.append(
                .extended, caseID: caseID, detail: CaseEventDetail(reason: reason, days: days),
                actor: staff.auditActor.id, channel: CaseActor.staff(staff).channelName, at: now, tx: tx)
            try await tx.sql.raw(
                "UPDATE case_cases SET updated_at = \(bind: now), revision = revision + 1 WHERE id = \(bind: caseID)"
            ).run()
            try await publish(.extended, record, state: record.state, reason: reason, at: now, tx: tx)
            try await notify(record, "经批准延期\(days)天，理由：\(reason)。", tx: tx)
        }
    }

    /// The promised and legal clocks of a case as they stand now.
    public func clockReadings(_ caseID: UUID, by actor: CaseActor) async throws -> CaseClocks {
        let now = clock.now()
        return try await database.read { sql in
            guard let record = try await CaseRow.load(caseID, sql: sql), try await mayRead(record, by: actor, sql: sql)
            else { throw Self.notFound() }
            return try await clocks(record, at: now, sql: sql)
        }
    }

    func clocks(_ record: CaseRecord, at now: Date, sql: any SQLDatabase) async throws -> CaseClocks {
        try clocks(record, history: try await EventRow.events(of: record.id, sql: sql), at: now)
    }

    func clocks(_ record: CaseRecord, history: [CaseEventRecord], at now: Date) throws -> CaseClocks {
        let events = CaseHistory.clockEvents(history)
        let promised = try StatutoryClock(limit: record.promisedLimit, events: events, calendar: calendar).reading(
            at: now)
        let legal = try record.legalLimit.map {
            try StatutoryClock(limit: $0, events: events, calendar: calendar).reading(at: now)
        }
        return CaseClocks(promised: promised, legal: legal)
    }

    private func clockCommand(
        _ caseID: UUID, by staff: StaffActor, permission: Permission, from state: CaseState, action: String,
        _ body: @escaping @Sendable (CaseRecord, Date, Transaction) async throws -> Void
    ) async throws -> CaseRecord {
        let now = clock.now()
        return try await database.transaction { tx in
            let record = try await loadForStaffCommand(caseID, by: staff, tx: tx) { record in
                try await organisation.authorize(staff, permission, department: record.departmentID, sql: tx.sql)
            }
            guard record.state == state else {
                throw Self.conflict("clock-state", "办件当前状态为“\(record.state.label)”，不能执行此操作。")
            }
            try await body(record, now, tx)
            try await refreshClock(record, at: now, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "cases.\(action)", objectType: "case", objectID: caseID.uuidString, changeDigest: ""),
                in: tx)
            return try await reload(caseID, tx: tx)
        }
    }
}
