import CasesModel
import CatalogModel
import Foundation
import Kernel
import SQLKit
import Storage

/// What every command does besides changing the case: the outbox event, the applicant's notice,
/// the clock's cached deadline and its warning jobs. All run inside the command's transaction.
extension CaseService {
    /// Job kinds this domain runs.
    enum JobKind {
        static let notify = "cases.notify"
        static let autoAccept = "cases.auto-accept"
        static let deadlineWarning = "cases.deadline-warning"
    }

    /// Writes a case event to the outbox.
    func publish(
        _ type: CaseEventType, _ record: CaseRecord, state: CaseState, outcome: CaseOutcome? = nil,
        result: [String: String]? = nil, reason: String? = nil, items: [CorrectionItem]? = nil, at now: Date,
        tx: Transaction
    ) async throws {
        let payload = CaseEventPayload(
            caseID: record.id, number: record.number, itemID: record.itemID, itemCode: record.itemCode,
            departmentID: record.departmentID, applicantAccount: record.applicantAccount, state: state,
            outcome: outcome, result: result, reason: reason, items: items, parentID: record.parentID)
        try await tx.publish(
            try DomainEvent(
                type: type.rawValue, aggregateType: "case", aggregateID: record.id.uuidString, value: payload,
                occurredAt: now))
    }

    /// Queues a Chinese notice to the applicant; the job sends it after this transaction commits,
    /// so a rolled-back change never notifies.
    func notify(_ record: CaseRecord, _ content: String, tx: Transaction) async throws {
        let number = record.number.map { "（办件编号 \($0)）" } ?? ""
        let notice = CaseNotice(
            caseID: record.id, title: "办件通知：\(record.itemName)", content: "您申请的“\(record.itemName)”\(number)\(content)")
        try await jobs.enqueue(kind: JobKind.notify, payload: notice, in: tx)
    }

    /// The promised-limit clock of the case from its stored history.
    func promisedClock(_ record: CaseRecord, sql: any SQLDatabase) async throws -> StatutoryClock {
        let events = try await EventRow.events(of: record.id, sql: sql)
        return StatutoryClock(limit: record.promisedLimit, events: CaseHistory.clockEvents(events), calendar: calendar)
    }

    /// Re-derives the clock after an event that moves it: stores the deadline for sorting and
    /// queues the yellow and red warnings (a warning job checks again when it runs, so jobs
    /// left over from an earlier deadline do nothing).
    /// Only the record's id and promised limit are read, which no command changes. `assignments`
    /// are the command's own column changes, written in the same statement as the deadline.
    func refreshClock(
        _ record: CaseRecord, at now: Date, tx: Transaction, alongWith assignments: SQLQueryString? = nil
    ) async throws {
        let caseID = record.id
        let clock = try await promisedClock(record, sql: tx.sql)
        let reading = try clock.reading(at: now)
        var update: SQLQueryString = "UPDATE case_cases SET deadline_day = \(bind: reading.deadline?.dayNumber)"
        if let assignments {
            update += ", "
            update += assignments
        }
        update += " WHERE id = \(bind: caseID)"
        try await tx.sql.raw(update).run()
        guard let warnings = try clock.warningDays() else { return }
        for (colour, day) in [(DeadlineColour.yellow, warnings.yellow), (.red, warnings.red)] {
            try await jobs.enqueue(
                kind: JobKind.deadlineWarning, payload: WarningJob(caseID: caseID, colour: colour.rawValue),
                runAt: max(day.startDate, now), in: tx)
        }
    }
}

/// A queued notice to an applicant.
struct CaseNotice: Codable, Sendable {
    var caseID: UUID
    var title: String
    var content: String
}

/// A queued deadline warning.
struct WarningJob: Codable, Sendable {
    var caseID: UUID
    var colour: String
}
