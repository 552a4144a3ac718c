public import CasesModel
public import Foundation
import Kernel
import SQLKit
public import Storage

/// What a case offers the payments domain: who pays, for which item, in which department.
public struct CasePaymentSource: Sendable {
    /// The case.
    public var record: CaseRecord
    /// The applicant in clear, for the receipt (which masks it again).
    public var applicant: CaseApplicant
}

extension CaseService {
    /// The case and its applicant, read on a payments transaction; the caller has authorised the
    /// actor (a subscriber acts for the platform; staff are checked by the payments service).
    public func paymentSource(_ caseID: UUID, in tx: Transaction) async throws -> CasePaymentSource {
        guard let record = try await CaseRow.load(caseID, sql: tx.sql) else { throw Self.notFound() }
        return CasePaymentSource(record: record, applicant: try await openApplicant(caseID, sql: tx.sql))
    }

    /// Whether `actor` may read the case, for pages that show a case's payments.
    public func mayRead(_ caseID: UUID, by actor: CaseActor) async throws -> Bool {
        try await database.read { sql in
            guard let record = try await CaseRow.load(caseID, sql: sql) else { return false }
            return try await mayRead(record, by: actor, sql: sql)
        }
    }

    /// Completes the open payment step of the case after its fees were paid, and moves the case on.
    ///
    /// Runs on the payments subscriber's transaction. Returns false and changes nothing when the
    /// case has no open payment step (a repeated event, a withdrawn case), so delivering the same
    /// payment twice never advances a case twice.
    @discardableResult
    public func recordPayment(_ caseID: UUID, summary: String, in tx: Transaction) async throws -> Bool {
        let now = clock.now()
        guard let record = try await CaseRow.load(caseID, tx: tx), record.state == .inProgress else { return false }
        let open = try await tx.sql.raw(
            """
            SELECT id FROM case_tasks
            WHERE case_id = \(bind: caseID) AND step_kind = 'pay' AND state IN ('open', 'claimed')
            """
        ).first()
        guard let taskID = try open?.decode(column: "id", as: UUID.self),
            let task = try await TaskRow.load(taskID, sql: tx.sql)
        else { return false }
        let process = try definition(of: record)
        guard let step = process.step(task.stepID) else { return false }
        try await tx.sql.raw(
            """
            UPDATE case_tasks SET state = 'done', decision = 'approve', comment = \(bind: summary),
                decided_at = \(bind: now), revision = revision + 1
            WHERE id = \(bind: taskID) AND state IN ('open', 'claimed')
            """
        ).run()
        try await EventRow.append(
            .paid, caseID: caseID, step: step.id, detail: CaseEventDetail(comment: summary),
            actor: Actor.system.id, channel: CaseActor.system.channelName, at: now, tx: tx)
        try await EventRow.append(
            .resumed, caseID: caseID, step: step.id, detail: CaseEventDetail(pauseReason: .payment),
            actor: Actor.system.id, channel: CaseActor.system.channelName, at: now, tx: tx)
        try await refreshClock(record, at: now, tx: tx)
        let walker = StepWalker(service: self, record: record, process: process, actor: .system, now: now, tx: tx)
        try await walker.advance(from: step, tasksCancelled: true)
        try await audit.append(
            Actor.system.entry(
                action: "cases.payment-recorded", objectType: "case", objectID: caseID.uuidString, changeDigest: summary
            ),
            in: tx)
        try await notify(record, "已缴费成功（\(summary)），办件继续办理。", tx: tx)
        return true
    }
}
