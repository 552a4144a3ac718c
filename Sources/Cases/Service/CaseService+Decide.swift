public import CasesModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Decides a task of a review, decide, conclude or deliver step: approve, deny (on a decide
    /// step, or as one branch's objection in a countersigned step) or send back to an earlier step.
    ///
    /// `expectedRevision` is the task revision the clerk saw. Of two clerks deciding one task at
    /// once exactly one succeeds; the other gets `cases.task-decided` (409) and changes nothing.
    public func decide(
        _ taskID: UUID, _ decision: TaskDecision, comment: String = "", expectedRevision: Int? = nil,
        by staff: StaffActor
    ) async throws -> CaseRecord {
        let needsReason: Bool = if case .approve = decision { false } else { true }
        let comment = try Self.text(comment, field: "办理意见", maximum: 1000, required: needsReason)
        let now = clock.now()
        return try await database.transaction { tx in
            guard let task = try await TaskRow.load(taskID, sql: tx.sql),
                let record = try await CaseRow.load(task.caseID, tx: tx)
            else { throw Self.taskNotFound() }
            try await authorizeTask(staff, task, sql: tx.sql)
            guard task.state == .open || task.state == .claimed, expectedRevision.map({ $0 == task.revision }) ?? true
            else { throw Self.alreadyDecided() }
            guard record.state == .inProgress || (record.state == .concluded && task.stepKind == .deliver) else {
                throw Self.conflict("not-in-progress", "办件当前状态为“\(record.state.label)”，不能办理该任务。")
            }
            guard task.stepKind != .accept, task.stepKind != .receive else {
                throw Self.conflict("intake-task", "受理环节请使用受理、不予受理或一次性告知。")
            }
            guard task.stepKind != .pay else {
                throw Self.conflict("payment-task", "缴费环节在申请人缴费成功后自动完成；窗口收款请在缴费管理中登记。")
            }
            if task.state == .claimed, let holder = task.assignee, holder != staff.staffID {
                throw Self.conflict("task-claimed", "该任务已由其他工作人员认领，请先请其退回队列。")
            }
            let process = try definition(of: record)
            guard let step = process.step(task.stepID) else { throw Self.taskNotFound() }
            try Self.check(decision, on: step)
            if !step.branches.isEmpty {
                // A single actor's step has one task per round, so nobody can have signed another.
                try await requireOneSeatPerPerson(task, staff: staff, sql: tx.sql)
            }
            let updated = try await tx.sql.raw(
                """
                UPDATE case_tasks SET state = 'done', decision = \(bind: decision.code), comment = \(bind: comment.nilIfEmpty),
                    decided_at = \(bind: now), decided_by = \(bind: staff.staffID), assignee = \(bind: staff.staffID),
                    revision = revision + 1
                WHERE id = \(bind: taskID) AND state IN ('open', 'claimed') AND revision = \(bind: task.revision)
                RETURNING id
                """
            ).first()
            guard updated != nil else { throw Self.alreadyDecided() }
            let target: String? = if case .sendBack(let to) = decision { to } else { nil }
            try await EventRow.append(
                .decided, caseID: record.id, step: step.id,
                detail: CaseEventDetail(
                    comment: comment.nilIfEmpty, decision: decision.code, branchID: task.branchID, toStep: target),
                actor: staff.auditActor.id, channel: CaseActor.staff(staff).channelName, at: now, tx: tx)
            let walker = StepWalker(
                service: self, record: record, process: process, actor: .staff(staff), now: now, tx: tx)
            try await walker.afterDecision(decision, on: step, task: task, comment: comment)
            try await audit.append(
                staff.auditActor.entry(
                    action: "cases.decide-\(decision.code)", objectType: "case", objectID: record.id.uuidString,
                    changeDigest: "\(step.id)/\(task.branchID ?? "-")"), in: tx)
            return try await reload(record.id, tx: tx)
        }
    }

    static func alreadyDecided() -> DomainError {
        DomainError(
            .conflict, code: "cases.task-decided", title: "任务已被他人处理",
            detail: "该任务已由其他工作人员办理，您的意见未保存。请刷新后查看最新办理结果。")
    }

    /// Denial belongs to decide steps and to branches of countersigned steps; a return goes only
    /// where the process allows it.
    static func check(_ decision: TaskDecision, on step: ProcessStepDefinition) throws {
        switch decision {
        case .approve: return
        case .deny:
            guard step.kind == .decide || !step.branches.isEmpty else {
                throw invalid("deny-not-allowed", "不能在此环节作出不予决定", "“\(step.name)”环节只能通过或退回；不予许可由审批决定环节作出。")
            }
        case .sendBack(let to):
            guard step.returnTo.contains(to) else {
                let allowed = step.returnTo.isEmpty ? "该环节不能退回" : "只能退回到：" + step.returnTo.joined(separator: "、")
                throw invalid("return-not-allowed", "退回环节有误", "\(allowed)。")
            }
        }
    }

    /// One person signs at most one branch of a countersigned step in one round, or 会签 would be
    /// one person's word several times.
    private func requireOneSeatPerPerson(_ task: CaseTask, staff: StaffActor, sql: any SQLDatabase) async throws {
        let signed =
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM case_tasks t
                WHERE t.case_id = \(bind: task.caseID) AND t.step_id = \(bind: task.stepID) AND t.state = 'done'
                  AND t.decided_by = \(bind: staff.staffID)
                  AND t.round = \(bind: task.round)
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        guard signed == 0 else {
            throw Self.conflict("already-signed", "您已在本环节签署过意见，会签须由不同人员完成。")
        }
    }
}
