public import CasesModel
public import Foundation
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// The applicant withdraws the application (撤回) before it concludes; open tasks are cancelled
    /// and the clock stops.
    public func withdraw(_ caseID: UUID, reason: String, by actor: CaseActor) async throws -> CaseRecord {
        let reason = try Self.text(reason, field: "撤回理由", maximum: 500, required: false)
        let now = clock.now()
        return try await database.transaction { tx in
            let record = try await loadForCommand(caseID, by: actor, tx: tx)
            try await requireApplicantSide(record, actor: actor, tx: tx)
            guard !record.state.isFinal else {
                throw Self.conflict("final", "办件已\(record.state.label)，不能撤回。")
            }
            try await StepOpener.cancelOpenTasks(of: caseID, at: now, tx: tx)
            try await setState(caseID, .withdrawn, concluded: true, at: now, tx: tx)
            try await EventRow.append(
                .withdrawn, caseID: caseID, detail: CaseEventDetail(reason: reason.nilIfEmpty),
                actor: actor.auditActor.id,
                channel: actor.channelName, at: now, tx: tx)
            if record.state != .draft {
                try await refreshClock(record, at: now, tx: tx)
                try await publish(.withdrawn, record, state: .withdrawn, reason: reason.nilIfEmpty, at: now, tx: tx)
                try await notify(record, "已撤回。", tx: tx)
            }
            try await audit.append(
                actor.auditActor.entry(
                    action: "cases.withdraw", objectType: "case", objectID: caseID.uuidString, changeDigest: ""), in: tx
            )
            let withdrawn = try await reload(caseID, tx: tx)
            try await concludeParentIfDone(of: withdrawn, at: now, tx: tx)
            return withdrawn
        }
    }
}
