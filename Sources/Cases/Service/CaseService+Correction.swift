public import CasesModel
import CatalogModel
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Sends the one-time correction notice (一次性告知): every missing or wrong material in one
    /// itemised list. Before acceptance it stops the intake (and the automatic acceptance); after,
    /// it stops the statutory clock. One notice is allowed before acceptance and one after, so
    /// an applicant is never asked piecemeal.
    public func requestCorrection(_ caseID: UUID, items: [CorrectionItem], by staff: StaffActor) async throws
        -> CaseRecord
    {
        guard !items.isEmpty, items.count <= 50 else {
            throw Self.invalid("correction-items", "请列出需补正的材料", "一次性告知须逐项列出需补正的材料（1至50项）。")
        }
        let now = clock.now()
        return try await database.transaction { tx in
            let record = try await loadForCommand(caseID, by: .staff(staff), tx: tx)
            let accepted = record.state == .inProgress
            if record.state == .submitted {
                try await authorizeIntake(staff, record, sql: tx.sql)
            } else if accepted {
                try await organisation.authorize(staff, .casesHandle, department: record.departmentID, sql: tx.sql)
            } else {
                throw Self.conflict("not-correctable", "办件当前状态为“\(record.state.label)”，不能发出补正告知。")
            }
            let events = try await EventRow.events(of: caseID, sql: tx.sql)
            let earlier = events.filter { $0.kind == .correctionRequested }
            let acceptedSeq = events.first { [.accepted, .acceptedPending, .autoAccepted].contains($0.kind) }?.seq
            let inThisPhase = earlier.contains { event in acceptedSeq.map { event.seq > $0 } ?? true }
            guard !inThisPhase else {
                throw Self.conflict(
                    "correction-once", "该办件\(accepted ? "受理后" : "受理前")已经一次性告知过补正内容，不能再次要求补正。")
            }
            let guide = try await catalog.guide(itemID: record.itemID, version: record.itemVersion)
            let lines = try items.map { item -> CorrectionItem in
                guard let material = guide.materials.first(where: { $0.code == item.materialCode }) else {
                    throw Self.invalid(
                        "correction-material", "补正材料有误", "材料 \(item.materialCode.prefix(20)) 不属于该事项的办事指南。")
                }
                let problem = try Self.text(
                    item.problem, field: "“\(material.name)”的补正要求", maximum: 200, required: true)
                return CorrectionItem(materialCode: material.code, materialName: material.name, problem: problem)
            }
            guard Set(lines.map(\.materialCode)).count == lines.count else {
                throw Self.invalid("correction-items", "补正材料重复", "同一材料只能在告知书中列出一次，请合并补正要求。")
            }
            let openSteps = try await TaskRow.tasks(of: caseID, sql: tx.sql).filter {
                $0.state == .open || $0.state == .claimed
            }
            .map(\.stepID)
            try await StepOpener.cancelOpenTasks(of: caseID, at: now, tx: tx)
            try await setState(caseID, .correction, at: now, tx: tx)
            try await EventRow.append(
                .correctionRequested, caseID: caseID, step: openSteps.first,
                detail: CaseEventDetail(items: lines, toStep: openSteps.first), actor: staff.auditActor.id,
                channel: CaseActor.staff(staff).channelName, at: now, tx: tx)
            if accepted { try await refreshClock(record, at: now, tx: tx) }
            try await publish(.correctionRequested, record, state: .correction, items: lines, at: now, tx: tx)
            let list = lines.enumerated().map { "\($0.offset + 1). \($0.element.materialName)：\($0.element.problem)" }
            try await notify(record, "需要补正材料（一次性告知）：" + list.joined(separator: "；") + "。请在“我的办件”中补正后提交。", tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "cases.correction-request", objectType: "case", objectID: caseID.uuidString,
                    changeDigest: try audit.digest(of: lines)), in: tx)
            return try await reload(caseID, tx: tx)
        }
    }

    /// The applicant (or the window) answers the correction notice: every listed material must
    /// have been received since the notice. The case goes back to the step it was waiting in, and
    /// a stopped clock runs again.
    public func answerCorrection(_ caseID: UUID, by actor: CaseActor) async throws -> CaseRecord {
        let now = clock.now()
        let autoAcceptDay = try calendar.addingWorkdays(limits.autoAcceptWorkdays, to: CalendarDay(now))
        return try await database.transaction { tx in
            let record = try await loadForCommand(caseID, by: actor, tx: tx)
            try await requireApplicantSide(record, actor: actor, tx: tx)
            guard record.state == .correction else {
                throw Self.conflict("no-correction", "该办件没有待补正的告知，无需提交补正。")
            }
            let events = try await EventRow.events(of: caseID, sql: tx.sql)
            guard let notice = events.last(where: { $0.kind == .correctionRequested }) else { throw Self.notFound() }
            // Received after the notice in the history's order, not by timestamp: a material handed in
            // within the same instant as the notice (or earlier) does not answer it.
            let answered = Set(
                events.filter { $0.kind == .materialReceived && $0.seq > notice.seq }.flatMap {
                    $0.detail.materials ?? []
                })
            let missing = (notice.detail.items ?? []).filter { !answered.contains($0.materialCode) }
            guard missing.isEmpty else {
                throw Self.invalid(
                    "correction-incomplete", "补正材料不齐全",
                    "请先重新提交：" + missing.map(\.materialName).joined(separator: "、") + "。")
            }
            let accepted = events.contains { [.accepted, .acceptedPending, .autoAccepted].contains($0.kind) }
            try await setState(caseID, accepted ? .inProgress : .submitted, at: now, tx: tx)
            let seq = try await EventRow.append(
                .corrected, caseID: caseID, step: notice.detail.toStep, actor: actor.auditActor.id,
                channel: actor.channelName, at: now, tx: tx)
            let current = try await reload(caseID, tx: tx)
            let process = try definition(of: current)
            if let stepID = notice.detail.toStep, let step = process.step(stepID) {
                try await StepOpener(organisation: organisation).open(step, of: current, round: seq, at: now, tx: tx)
            }
            if accepted {
                try await refreshClock(record, at: now, tx: tx)
            } else {
                try await jobs.enqueue(
                    kind: JobKind.autoAccept, payload: AutoAcceptJob(caseID: caseID, seq: seq),
                    runAt: autoAcceptDay.adding(days: 1).startDate, in: tx)
            }
            try await noteChannel(current, actor: actor, at: now, tx: tx)
            try await publish(.corrected, current, state: current.state, at: now, tx: tx)
            try await notify(current, "补正材料已提交，办件继续办理。", tx: tx)
            try await audit.append(
                actor.auditActor.entry(
                    action: "cases.correction-answer", objectType: "case", objectID: caseID.uuidString, changeDigest: ""
                ),
                in: tx)
            return try await reload(caseID, tx: tx)
        }
    }
}
