public import CasesModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Takes an open task from the department's queue, so colleagues see it is being handled.
    public func claim(_ taskID: UUID, by staff: StaffActor) async throws -> CaseTask {
        try await changeTask(taskID, by: staff, event: .claimed) { task, tx in
            guard task.state == .open else {
                throw Self.conflict("task-taken", "该任务已被\(task.state == .claimed ? "他人认领" : "处理")，请刷新队列。")
            }
            try await tx.sql.raw(
                """
                UPDATE case_tasks SET state = 'claimed', assignee = \(bind: staff.staffID), revision = revision + 1
                WHERE id = \(bind: taskID) AND state = 'open'
                """
            ).run()
        }
    }

    /// Puts a claimed task back in the queue.
    public func release(_ taskID: UUID, by staff: StaffActor) async throws -> CaseTask {
        try await changeTask(taskID, by: staff, event: .released) { task, tx in
            guard task.state == .claimed, task.assignee == staff.staffID else {
                throw Self.conflict("task-not-yours", "只能退回自己认领的任务。")
            }
            try await tx.sql.raw(
                """
                UPDATE case_tasks SET state = 'open', assignee = NULL, revision = revision + 1
                WHERE id = \(bind: taskID) AND state = 'claimed'
                """
            ).run()
        }
    }

    /// The task with `id`, for staff who may act on it.
    public func task(_ id: UUID, by staff: StaffActor) async throws -> CaseTask {
        try await database.read { sql in
            guard let task = try await TaskRow.load(id, sql: sql) else { throw Self.taskNotFound() }
            try await authorizeTask(staff, task, sql: sql)
            return task
        }
    }

    private func changeTask(
        _ taskID: UUID, by staff: StaffActor, event: CaseEventKind,
        _ body: @escaping @Sendable (CaseTask, Transaction) async throws -> Void
    ) async throws -> CaseTask {
        let now = clock.now()
        return try await database.transaction { tx in
            guard let task = try await TaskRow.load(taskID, sql: tx.sql),
                let record = try await CaseRow.load(task.caseID, tx: tx)
            else { throw Self.taskNotFound() }
            try await authorizeTask(staff, task, sql: tx.sql)
            try await body(task, tx)
            try await EventRow.append(
                event, caseID: record.id, step: task.stepID, detail: CaseEventDetail(branchID: task.branchID),
                actor: staff.auditActor.id, channel: CaseActor.staff(staff).channelName, at: now, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "cases.task-\(event.rawValue)", objectType: "case-task", objectID: taskID.uuidString,
                    changeDigest: record.id.uuidString), in: tx)
            guard let changed = try await TaskRow.load(taskID, sql: tx.sql) else { throw Self.taskNotFound() }
            return changed
        }
    }

    /// Staff act on a task only with its permission in its department (data scopes hold).
    func authorizeTask(_ staff: StaffActor, _ task: CaseTask, sql: any SQLDatabase) async throws {
        guard let permission = Permission(rawValue: task.permission) else {
            throw DomainError(.forbidden, code: "cases.forbidden", title: "无权办理", detail: "该任务要求的权限无法识别。")
        }
        do {
            try await organisation.authorize(staff, permission, department: task.departmentID, sql: sql)
        } catch let error as DomainError where error.kind == .forbidden {
            throw Self.taskNotFound()
        }
    }

    static func taskNotFound() -> DomainError {
        DomainError(.notFound, code: "cases.task-not-found", title: "任务不存在", detail: "没有找到这个任务，或您无权办理。")
    }
}
