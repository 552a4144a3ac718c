public import CasesModel
import Foundation
public import Kernel
import SQLKit
import Storage

extension CaseService {
    /// The handling figures of the cases submitted from `from` to `to` (inclusive, Asia/Shanghai):
    /// on-time rates against the promised and the legal limit, average counted days, correction,
    /// return and rejection rates, per department and per item. Each concluded case's clock is
    /// re-derived from its events, so the figures agree with the case pages.
    public func figures(from: CalendarDay, to: CalendarDay) async throws -> CaseFigures {
        guard from <= to, from.days(to: to) <= 3660 else {
            throw Self.invalid("period", "统计期间有误", "开始日期不能晚于结束日期，期间不能超过10年。")
        }
        let (records, events) = try await database.read { sql in
            let records = try await sql.raw(
                """
                SELECT \(unsafeRaw: CaseRow.columns) FROM case_cases
                WHERE submitted_at >= \(bind: from.startDate) AND submitted_at < \(bind: to.adding(days: 1).startDate)
                """
            ).all().map(CaseRow.decode)
            var events: [UUID: [CaseEventRecord]] = [:]
            for record in records { events[record.id] = try await EventRow.events(of: record.id, sql: sql) }
            return (records, events)
        }
        var overall = CaseFigureRow(key: "all", name: "全部", departmentID: nil)
        var departments: [UUID: CaseFigureRow] = [:]
        var items: [String: CaseFigureRow] = [:]
        for record in records {
            let history = events[record.id] ?? []
            let clockEvents = CaseHistory.clockEvents(history)
            var row = CaseFigureRow(key: "", name: "", departmentID: nil)
            row.submitted = 1
            row.accepted = record.acceptedAt == nil ? 0 : 1
            row.rejected = record.state == .rejected ? 1 : 0
            row.corrected = history.contains { $0.kind == .correctionRequested } ? 1 : 0
            row.returned = history.contains { $0.kind == .returned } ? 1 : 0
            if record.state == .concluded, let at = record.concludedAt {
                row.concluded = 1
                row.approved = record.outcome == .approved ? 1 : 0
                let promised = try StatutoryClock(limit: record.promisedLimit, events: clockEvents, calendar: calendar)
                    .reading(at: at)
                row.onTimePromised = promised.onTime == true ? 1 : 0
                row.daysUsed = promised.usedDays
                if let legal = record.legalLimit {
                    row.withLegalLimit = 1
                    let reading = try StatutoryClock(limit: legal, events: clockEvents, calendar: calendar).reading(
                        at: at)
                    row.onTimeLegal = reading.onTime == true ? 1 : 0
                }
            }
            overall.add(row)
            departments[
                record.departmentID,
                default: CaseFigureRow(
                    key: record.departmentID.uuidString, name: "", departmentID: record.departmentID)
            ].add(row)
            items[
                record.itemCode,
                default: CaseFigureRow(
                    key: record.itemCode, name: record.itemName, departmentID: record.departmentID)
            ].add(row)
        }
        let order: (CaseFigureRow, CaseFigureRow) -> Bool = { ($0.submitted, $1.key) > ($1.submitted, $0.key) }
        return CaseFigures(
            from: from, to: to, overall: overall, departments: departments.values.sorted(by: order),
            items: items.values.sorted(by: order))
    }
}

extension CaseFigureRow {
    /// Adds the counts of `other`.
    mutating func add(_ other: CaseFigureRow) {
        submitted += other.submitted
        accepted += other.accepted
        rejected += other.rejected
        concluded += other.concluded
        approved += other.approved
        corrected += other.corrected
        returned += other.returned
        onTimePromised += other.onTimePromised
        withLegalLimit += other.withLegalLimit
        onTimeLegal += other.onTimeLegal
        daysUsed += other.daysUsed
    }
}
