import CasesModel
import Foundation
import Identity
import Kernel
import SQLKit
import Storage

/// Opens the tasks of a process step: one task for a single actor, one per branch of a
/// countersigned step. `round` is the sequence number of the event that opened the step, so the
/// votes of a step entered twice (after a return) are never counted together.
struct StepOpener {
    let organisation: OrganisationService

    func open(
        _ step: ProcessStepDefinition, of record: CaseRecord, round: Int, at now: Date, tx: Transaction
    ) async throws {
        let seats: [(branch: String?, actor: StepActor)] =
            step.branches.isEmpty ? [(nil, step.actor)] : step.branches.map { ($0.id, $0.actor) }
        for seat in seats {
            let department = try await departmentID(seat.actor, of: record, sql: tx.sql)
            try await tx.sql.raw(
                """
                INSERT INTO case_tasks (id, case_id, step_id, round, step_kind, step_name, branch_id, department_id,
                    permission, state, assignee, decision, comment, created_at, decided_at, decided_by, revision)
                VALUES (\(bind: UUID()), \(bind: record.id), \(bind: step.id), \(bind: round), \(bind: step.kind.rawValue),
                    \(bind: step.name), \(bind: seat.branch), \(bind: department), \(bind: seat.actor.permission),
                    'open', NULL, NULL, NULL, \(bind: now), NULL, NULL, 1)
                """
            ).run()
        }
        if step.kind == .pay {
            // The applicant's paying time is not the department's: the clock stops until the payment.
            try await EventRow.append(
                .paused, caseID: record.id, step: step.id, detail: CaseEventDetail(pauseReason: .payment),
                actor: Actor.system.id, channel: CaseActor.system.channelName, at: now, tx: tx)
            // Payments creates the order from the item's fees; the step waits for its success.
            let payload = CaseEventPayload(
                caseID: record.id, number: record.number, itemID: record.itemID, itemCode: record.itemCode,
                departmentID: record.departmentID, applicantAccount: record.applicantAccount, state: .inProgress,
                result: ["stepID": step.id, "round": String(round)], parentID: record.parentID)
            try await tx.publish(
                try DomainEvent(
                    type: CaseEventType.paymentDue.rawValue, aggregateType: "case", aggregateID: record.id.uuidString,
                    value: payload, occurredAt: now))
        }
    }

    /// Cancels every task of the case that nobody has decided yet.
    static func cancelOpenTasks(of caseID: UUID, at now: Date, tx: Transaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE case_tasks SET state = 'cancelled', decided_at = \(bind: now), revision = revision + 1
            WHERE case_id = \(bind: caseID) AND state IN ('open', 'claimed')
            """
        ).run()
    }

    private func departmentID(_ actor: StepActor, of record: CaseRecord, sql: any SQLDatabase) async throws -> UUID {
        guard let code = actor.department else { return record.departmentID }
        guard let id = try await organisation.departmentID(code: code, sql: sql) else {
            throw DomainError(
                .invalid, code: "cases.process-department-unknown", title: "流程配置有误",
                detail: "流程 \(record.processID) 指定的部门 \(code) 不存在，请联系运维人员修正流程定义。")
        }
        return id
    }
}
