public import CasesModel
import CatalogModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// The case page: the case with its timeline, tasks, materials and clocks.
    public func detail(_ caseID: UUID, by actor: CaseActor) async throws -> CaseDetail {
        let now = clock.now()
        return try await database.read { sql in
            guard let record = try await CaseRow.load(caseID, sql: sql), try await mayRead(record, by: actor, sql: sql)
            else { throw Self.notFound() }
            let events = try await EventRow.events(of: caseID, sql: sql)
            let materials = try await Self.materials(of: caseID, sql: sql)
            let clocks = record.acceptedAt == nil ? nil : try clocks(record, history: events, at: now)
            let correction =
                record.state == .correction ? (events.last { $0.kind == .correctionRequested }?.detail.items ?? []) : []
            let promise = events.last { $0.kind == .acceptedPending }
            let received = Set(
                materials.filter { m in promise.map { m.receivedAt >= $0.at } ?? false }.map(\.materialCode))
            let pending = (promise?.detail.materials ?? []).filter { !received.contains($0) }
            return CaseDetail(
                record: record, events: events, tasks: try await TaskRow.tasks(of: caseID, sql: sql),
                materials: materials,
                clocks: clocks, correction: correction, pending: pending,
                pendingDue: pending.isEmpty ? nil : promise?.detail.dueDay)
        }
    }

    /// 我的办件: the applicant's own cases, newest first.
    public func myCases(_ accountID: UUID, limit: Int = 100) async throws -> [CaseRecord] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: CaseRow.columns) FROM case_cases WHERE applicant_account = \(bind: accountID)
                ORDER BY created_at DESC LIMIT \(bind: min(max(limit, 1), 500))
                """
            ).all().map(CaseRow.decode)
        }
    }

    /// The cases a window clerk started for applicants, newest first.
    public func windowCases(by staff: StaffActor, limit: Int = 100) async throws -> [CaseRecord] {
        try await database.read { sql in
            try await organisation.authorize(staff, .casesIntake, department: nil, sql: sql)
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: CaseRow.columns) FROM case_cases WHERE created_by = \(bind: staff.auditActor.id)
                ORDER BY created_at DESC LIMIT \(bind: min(max(limit, 1), 500))
                """
            ).all().map(CaseRow.decode)
        }
    }

    /// The open tasks of every department `staff` reaches with a case permission, with the
    /// deadline colour; `mine` keeps only the tasks the clerk claimed.
    public func queue(by staff: StaffActor, mine: Bool = false, limit: Int = 200) async throws -> [QueueEntry] {
        let today = CalendarDay(clock.now())
        let rows = try await database.read { sql in
            var reach: [String: Set<UUID>?] = [:]
            for permission in [Permission.casesIntake, .casesHandle, .casesApprove] {
                reach[permission.rawValue] = try await organisation.departments(
                    reachableBy: staff, with: permission, sql: sql)
            }
            let tasks = try await sql.raw(
                """
                SELECT \(unsafeRaw: TaskRow.columns) FROM case_tasks
                WHERE state IN ('open', 'claimed')
                ORDER BY created_at LIMIT 5000
                """
            ).all().map(TaskRow.decode)
            let mineOnly = mine ? tasks.filter { $0.assignee == staff.staffID } : tasks
            var entries: [(CaseTask, CaseRecord)] = []
            for task in mineOnly {
                guard let scope = reach[task.permission], scope.map({ $0.contains(task.departmentID) }) ?? true else {
                    continue
                }
                guard let record = try await CaseRow.load(task.caseID, sql: sql) else { continue }
                entries.append((task, record))
                if entries.count >= limit { break }
            }
            return entries
        }
        return try rows.map { QueueEntry(task: $0.0, record: $0.1, colour: try colour(of: $0.1, today: today)) }
            .sorted {
                ($0.record.deadline ?? .init(dayNumber: Int.max)) < ($1.record.deadline ?? .init(dayNumber: Int.max))
            }
    }

    /// The accepted cases past their promised deadline in the departments `staff` may handle.
    public func overdue(by staff: StaffActor) async throws -> [CaseRecord] {
        let today = CalendarDay(clock.now())
        return try await database.read { sql in
            let scope = try await organisation.departments(reachableBy: staff, with: .casesHandle, sql: sql)
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: CaseRow.columns) FROM case_cases
                WHERE state IN ('in-progress', 'paused') AND deadline_day < \(bind: today.dayNumber)
                ORDER BY deadline_day LIMIT 1000
                """
            ).all().map(CaseRow.decode)
            return rows.filter { record in scope.map { $0.contains(record.departmentID) } ?? true }
        }
    }

    /// The progress query without login: the case number and the last digits (4 to 6) of the
    /// applicant's 身份证号 or 统一社会信用代码. A wrong pair looks exactly like an unknown number.
    public func progress(number: String, idTail: String) async throws -> CaseProgress {
        let parsed = try CaseNumber(parsing: number)
        let tail = idTail.trimmingCharacters(in: .whitespaces).uppercased()
        guard (4...6).contains(tail.count), tail.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X") }) else {
            throw Self.invalid("id-tail", "请填写证件号码后几位", "请填写申请人证件号码的后4至6位。")
        }
        return try await database.read { sql in
            guard
                let id = try await sql.raw("SELECT id FROM case_cases WHERE number = \(bind: parsed.rawValue)").first()?
                    .decode(column: "id", as: UUID.self),
                let record = try await CaseRow.load(id, sql: sql),
                try await openApplicant(id, sql: sql).idNumber.uppercased().hasSuffix(tail)
            else {
                throw DomainError(
                    .notFound, code: "cases.progress-not-found", title: "未查到办件", detail: "办件编号或证件号码后几位不正确，请核对后重试。")
            }
            let public_: Set<CaseEventKind> = [
                .submitted, .accepted, .acceptedPending, .autoAccepted, .rejected, .correctionRequested, .corrected,
                .stepCompleted, .paused, .resumed, .extended, .concluded, .withdrawn,
            ]
            let lines = try await EventRow.events(of: id, sql: sql).filter { public_.contains($0.kind) }
                .map { CaseProgress.Line(label: $0.kind.label, at: $0.at) }
            return CaseProgress(
                number: parsed.rawValue, itemName: record.itemName, state: record.state, outcome: record.outcome,
                applicantNameMasked: record.applicantNameMasked, deadline: record.deadline?.description, timeline: lines
            )
        }
    }

    /// The colour of a case's promised deadline today, from the stored deadline, with the clock's
    /// own margins (`DeadlineColour.redMargin`, `yellowMargin`).
    func colour(of record: CaseRecord, today: CalendarDay) throws -> DeadlineColour {
        guard let deadline = record.deadline else { return .green }
        if record.state == .concluded { return .green }
        if today > deadline { return .overdue }
        let left =
            record.promisedLimit.unit == .workingDays
            ? try calendar.workdays(from: today, to: deadline) : today.days(to: deadline)
        if left <= DeadlineColour.redMargin { return .red }
        return left <= DeadlineColour.yellowMargin(limitDays: record.promisedLimit.days) ? .yellow : .green
    }
}

extension CaseService {
    /// The application form in clear, for the applicant (to edit a draft) and for staff who may
    /// see the case (to review it); every read by staff is audited.
    public func form(_ caseID: UUID, by actor: CaseActor) async throws -> FormData {
        try await database.transaction { tx in
            guard let record = try await CaseRow.load(caseID, sql: tx.sql),
                try await mayRead(record, by: actor, sql: tx.sql)
            else { throw Self.notFound() }
            if case .staff = actor {
                try await audit.append(
                    actor.auditActor.entry(
                        action: "cases.form-read", objectType: "case", objectID: caseID.uuidString, changeDigest: ""),
                    in: tx)
            }
            return try await openForm(caseID, sql: tx.sql)
        }
    }
}
