public import CasesModel
import CatalogModel
public import Foundation
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Submits a draft (收件): checks the form against the process's schema and that every
    /// material the applicant must bring for the chosen situations is there, gives the case its
    /// number, and puts it in the intake queue. Nobody deciding within the auto-accept period
    /// accepts it (行政许可法 art. 32).
    public func submit(_ caseID: UUID, by actor: CaseActor) async throws -> CaseRecord {
        let now = clock.now()
        let autoAcceptDay = try calendar.addingWorkdays(limits.autoAcceptWorkdays, to: CalendarDay(now))
        return try await database.transaction { tx in
            try await submitDraft(caseID, by: actor, now: now, autoAcceptDay: autoAcceptDay, tx: tx)
        }
    }

    /// Submits inside `tx`; a 一件事 submits all its parts in one transaction.
    func submitDraft(_ caseID: UUID, by actor: CaseActor, now: Date, autoAcceptDay: CalendarDay, tx: Transaction)
        async throws -> CaseRecord
    {
        let today = CalendarDay(now)
        let record = try await loadForCommand(caseID, by: actor, tx: tx)
        try await requireApplicantSide(record, actor: actor, tx: tx)
        guard record.state == .draft else {
            throw Self.conflict("not-draft", "办件已\(record.state.label)，不能重复提交。")
        }
        let process = try definition(of: record)
        let problems = process.form.validate(try await openForm(caseID, sql: tx.sql), today: today)
        guard problems.isEmpty else {
            throw Self.invalid(
                "form-invalid", "申请表填写有误", problems.map(\.message).joined(separator: "；"))
        }
        let guide = try await catalog.guide(itemID: record.itemID, version: record.itemVersion)
        let received = Set(try await Self.materials(of: caseID, sql: tx.sql).map(\.materialCode))
        let missing = Self.requiredFromApplicant(guide, situations: record.situations)
            .filter { !received.contains($0.code) }
        guard missing.isEmpty else {
            throw Self.invalid(
                "materials-missing", "申请材料不齐全",
                "请先提交：" + missing.map(\.name).joined(separator: "、") + "。")
        }
        let number = try await nextNumber(division: record.divisionCode, day: today, tx: tx)
        try await tx.sql.raw(
            """
            UPDATE case_cases SET number = \(bind: number.rawValue), state = 'submitted', submitted_at = \(bind: now),
                updated_at = \(bind: now), revision = revision + 1
            WHERE id = \(bind: caseID)
            """
        ).run()
        let seq = try await EventRow.append(
            .submitted, caseID: caseID, step: process.steps.first?.id, actor: actor.auditActor.id,
            channel: actor.channelName, at: now, tx: tx)
        guard let submitted = try await CaseRow.load(caseID, sql: tx.sql) else { throw Self.notFound() }
        if let accept = process.steps.first(where: { $0.kind == .accept }) {
            try await StepOpener(organisation: organisation).open(accept, of: submitted, round: seq, at: now, tx: tx)
        }
        try await jobs.enqueue(
            kind: JobKind.autoAccept, payload: AutoAcceptJob(caseID: caseID, seq: seq),
            runAt: autoAcceptDay.adding(days: 1).startDate, in: tx)
        try await publish(.submitted, submitted, state: .submitted, at: now, tx: tx)
        try await notify(submitted, "已提交，等待受理。", tx: tx)
        try await audit.append(
            actor.auditActor.entry(
                action: "cases.submit", objectType: "case", objectID: caseID.uuidString, changeDigest: number.rawValue),
            in: tx)
        return submitted
    }

    /// The materials the applicant must hand in for `situations`: required, from the applicant,
    /// and not exempt (免提交 materials come from the license library or shared data instead).
    static func requiredFromApplicant(_ guide: ItemGuide, situations: [String]) -> [RequiredMaterial] {
        guide.materials(for: Set(situations)).filter { $0.required && $0.source == .applicant && !$0.exempt }
    }

    /// The process definition the case walks.
    func definition(of record: CaseRecord) throws -> ProcessDefinition {
        guard let process = processes.definition(id: record.processID, revision: record.processRevision) else {
            throw DomainError(
                .invalid, code: "cases.process-missing", title: "流程定义缺失",
                detail: "办件使用的流程 \(record.processID) 第 \(record.processRevision) 版未加载，请联系运维人员。")
        }
        return process
    }

    /// The step after `step` for the case's form; the sealed form is opened only when the step
    /// has conditional transitions, since only they read it.
    func step(
        after step: ProcessStepDefinition, in process: ProcessDefinition, caseID: UUID, sql: any SQLDatabase
    ) async throws -> ProcessStepDefinition? {
        let form = step.next.isEmpty ? [:] : try await openForm(caseID, sql: sql)
        return process.step(after: step.id, data: form)
    }

    /// The next case number of `division` on `day`; the counter row is taken under the
    /// transaction's write lock, so two submissions never share a serial.
    func nextNumber(division: String, day: CalendarDay, tx: Transaction) async throws -> CaseNumber {
        let row = try await tx.sql.raw(
            """
            INSERT INTO case_counters (division_code, day, next_serial) VALUES (\(bind: division), \(bind: day.dayNumber), 2)
            ON CONFLICT (division_code, day) DO UPDATE SET next_serial = case_counters.next_serial + 1
            RETURNING next_serial
            """
        ).first()
        let serial = (try row?.decode(column: "next_serial", as: Int.self) ?? 2) - 1
        return try CaseNumber(division: division, day: day, serial: serial)
    }
}

/// A queued automatic acceptance; `seq` is the submission event it answers, so a case that was
/// sent for correction and submitted again waits for its own new period.
struct AutoAcceptJob: Codable, Sendable {
    var caseID: UUID
    var seq: Int
}
