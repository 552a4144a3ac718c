import CasesModel
import Foundation
import Kernel
import SQLKit
import Storage

/// Moves a case through its process after a decision: counts the votes of a countersigned step,
/// opens the next step, sends back, concludes. Runs inside the deciding command's transaction.
struct StepWalker {
    let service: CaseService
    let record: CaseRecord
    let process: ProcessDefinition
    let actor: CaseActor
    let now: Date
    let tx: Transaction

    func afterDecision(
        _ decision: TaskDecision, on step: ProcessStepDefinition, task: CaseTask, comment: String
    ) async throws {
        switch decision {
        case .sendBack(let to):
            try await sendBack(to: to, from: step, reason: comment)
        case .deny where step.branches.isEmpty:
            try await conclude(.denied, reason: comment)
        case .deny, .approve:
            // A single actor's task is the only one of its round, so its approval is the whole vote.
            let votes =
                step.branches.isEmpty ? (approvals: 1, denials: 0) : try await votes(step: step.id, round: task.round)
            let needed = step.signing.approvalsNeeded(branchCount: max(step.branches.count, 1))
            let undecided = max(step.branches.count, 1) - votes.approvals - votes.denials
            if votes.approvals >= needed {
                try await StepOpener.cancelOpenTasks(of: record.id, at: now, tx: tx)
                try await advance(from: step, tasksCancelled: true)
            } else if votes.approvals + undecided < needed || step.signing == .any {
                // The objections make the quorum unreachable: the step fails.
                try await StepOpener.cancelOpenTasks(of: record.id, at: now, tx: tx)
                if let back = step.returnTo.first {
                    try await sendBack(to: back, from: step, reason: "会签未通过：\(comment)")
                } else {
                    try await conclude(.denied, reason: comment)
                }
            }
        }
    }

    /// Completes `step` and opens the one after it; a completed conclude step (or a last step)
    /// concludes the case as approved. A deliver step after conclusion runs on a concluded case.
    /// `tasksCancelled` says the caller has just cancelled the case's open tasks.
    func advance(from step: ProcessStepDefinition, tasksCancelled: Bool = false) async throws {
        let next = try await service.step(after: step, in: process, caseID: record.id, sql: tx.sql)
        let seq = try await EventRow.append(
            .stepCompleted, caseID: record.id, step: step.id, detail: CaseEventDetail(toStep: next?.id),
            actor: actor.auditActor.id, channel: actor.channelName, at: now, tx: tx)
        let concludesHere = step.kind == .conclude || (next == nil && record.state == .inProgress)
        if concludesHere && record.state == .inProgress {
            try await conclude(.approved, reason: nil, tasksCancelled: tasksCancelled)
        }
        if let next {
            // The opener reads only the id, the department and the process, which concluding keeps.
            try await StepOpener(organisation: service.organisation).open(
                next, of: record, round: seq, at: now, tx: tx)
        }
    }

    func sendBack(to target: String, from step: ProcessStepDefinition, reason: String) async throws {
        guard let destination = process.step(target) else { return }
        try await StepOpener.cancelOpenTasks(of: record.id, at: now, tx: tx)
        let seq = try await EventRow.append(
            .returned, caseID: record.id, step: step.id, detail: CaseEventDetail(reason: reason, toStep: target),
            actor: actor.auditActor.id, channel: actor.channelName, at: now, tx: tx)
        try await StepOpener(organisation: service.organisation).open(
            destination, of: record, round: seq, at: now, tx: tx)
        try await service.publish(.returned, record, state: record.state, reason: reason, at: now, tx: tx)
    }

    /// Ends the case: the clock stops, the outbox gets CaseConcluded with the result data, the
    /// applicant is told, and a 一件事 parent concludes once all its parts have.
    func conclude(_ outcome: CaseOutcome, reason: String?, tasksCancelled: Bool = false) async throws {
        if !tasksCancelled {
            try await StepOpener.cancelOpenTasks(of: record.id, at: now, tx: tx)
        }
        var result = ["outcome": outcome.rawValue, "concludedOn": CalendarDay(now).description]
        if let number = record.number { result["caseNumber"] = number }
        try await EventRow.append(
            .concluded, caseID: record.id, detail: CaseEventDetail(reason: reason, outcome: outcome, result: result),
            actor: actor.auditActor.id, channel: actor.channelName, at: now, tx: tx)
        // The conclusion is written with the stopped clock's deadline, in one statement.
        try await service.refreshClock(
            record, at: now, tx: tx,
            alongWith: """
                state = 'concluded', outcome = \(bind: outcome.rawValue), concluded_at = \(bind: now),
                updated_at = \(bind: now), revision = revision + 1
                """)
        // Concluding changes only the state, the outcome and the dates, which the payload takes
        // from the arguments and the notices do not read; no reload is needed.
        try await service.publish(
            .concluded, record, state: .concluded, outcome: outcome, result: result, reason: reason, at: now, tx: tx)
        let why = reason.map { "，理由：\($0)" } ?? ""
        try await service.notify(record, "已办结，结果：\(outcome.label)\(why)。", tx: tx)
        try await service.concludeParentIfDone(of: record, at: now, tx: tx)
    }

    private func votes(step: String, round: Int) async throws -> (approvals: Int, denials: Int) {
        let rows = try await tx.sql.raw(
            """
            SELECT decision, COUNT(*) AS n FROM case_tasks
            WHERE case_id = \(bind: record.id) AND step_id = \(bind: step) AND round = \(bind: round) AND state = 'done'
            GROUP BY decision
            """
        ).all()
        var approvals = 0
        var denials = 0
        for row in rows {
            let count = try row.decode(column: "n", as: Int.self)
            switch try row.decode(column: "decision", as: String.self) {
            case "approve": approvals += count
            case "deny": denials += count
            default: break
            }
        }
        return (approvals, denials)
    }
}
