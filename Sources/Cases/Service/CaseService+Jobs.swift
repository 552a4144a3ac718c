import CasesModel
import Foundation
import Kernel
import SQLKit
public import Storage

extension CaseService {
    /// Accepts a case nobody decided on within the auto-accept period (逾期自动受理). Does
    /// nothing when the case moved on, or when the job belongs to an earlier submission.
    func runAutoAccept(_ job: AutoAcceptJob) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            guard let record = try await CaseRow.load(job.caseID, tx: tx), record.state == .submitted else { return }
            let events = try await EventRow.events(of: job.caseID, sql: tx.sql)
            let latest = events.last { $0.kind == .submitted || $0.kind == .corrected }
            guard latest?.seq == job.seq else { return }
            _ = try await acceptCase(
                record, as: .autoAccepted, detail: CaseEventDetail(reason: "\(limits.autoAcceptWorkdays)个工作日内未作出受理决定"),
                actor: .system, at: now, tx: tx)
            try await audit.append(
                Actor.system.entry(
                    action: "cases.auto-accept", objectType: "case", objectID: job.caseID.uuidString, changeDigest: ""),
                in: tx)
        }
    }

    /// Records a yellow or red warning, or that the case is overdue, if the clock still says so
    /// now; a warning already recorded for the same deadline is not repeated.
    func runDeadlineWarning(_ job: WarningJob) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            guard let record = try await CaseRow.load(job.caseID, tx: tx), record.state == .inProgress else { return }
            let reading = try await promisedClock(record, sql: tx.sql).reading(at: now)
            let rank: [DeadlineColour: Int] = [.green: 0, .yellow: 1, .red: 2, .overdue: 3]
            guard let wanted = DeadlineColour(rawValue: job.colour), (rank[reading.colour] ?? 0) >= (rank[wanted] ?? 0)
            else { return }
            let deadline = reading.deadline?.description
            let events = try await EventRow.events(of: job.caseID, sql: tx.sql)
            guard
                !events.contains(where: {
                    $0.kind == .warned && $0.detail.colour == job.colour && $0.detail.dueDay == deadline
                })
            else { return }
            try await EventRow.append(
                .warned, caseID: job.caseID, detail: CaseEventDetail(dueDay: deadline, colour: job.colour),
                actor: Actor.system.id, channel: "system", at: now, tx: tx)
            try await publish(.deadlineWarning, record, state: record.state, reason: job.colour, at: now, tx: tx)
        }
    }

    /// The job handlers of the domain, for the composition root to register.
    public var jobHandlers: [JobHandler] {
        [
            JobHandler(kind: JobKind.autoAccept) { job in try await runAutoAccept(try job.decode(AutoAcceptJob.self)) },
            JobHandler(kind: JobKind.deadlineWarning) { job in
                try await runDeadlineWarning(try job.decode(WarningJob.self))
            },
        ]
    }
}
