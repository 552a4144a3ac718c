import CasesModel
import Foundation
import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Loads and locks the case for a command by `actor`: an applicant only their own case, staff
    /// any case they may see (see `mayRead`), the platform any case.
    func loadForCommand(_ id: UUID, by actor: CaseActor, tx: Transaction) async throws -> CaseRecord {
        guard let record = try await CaseRow.load(id, tx: tx) else { throw Self.notFound() }
        guard try await mayRead(record, by: actor, sql: tx.sql) else { throw Self.notFound() }
        return record
    }

    /// Loads and locks the case for a staff command and runs the command's own grant check on it,
    /// so the grants are read once. Only when that check refuses is the read check asked, so a
    /// case the clerk may not even see still looks absent.
    func loadForStaffCommand(
        _ id: UUID, by staff: StaffActor, tx: Transaction, authorize: (CaseRecord) async throws -> Void
    ) async throws -> CaseRecord {
        guard let record = try await CaseRow.load(id, tx: tx) else { throw Self.notFound() }
        do {
            try await authorize(record)
        } catch let error as DomainError where error.kind == .forbidden {
            guard try await mayRead(record, by: .staff(staff), sql: tx.sql) else { throw Self.notFound() }
            throw error
        }
        return record
    }

    /// Whether `actor` may see the case. Staff may when they hold a case permission for its
    /// department, or when they started it at their window (the window keeps its own cases).
    /// Refusals look like absence, so case ids cannot be probed.
    func mayRead(_ record: CaseRecord, by actor: CaseActor, sql: any SQLDatabase) async throws -> Bool {
        switch actor {
        case .system: return true
        case .applicant(let accountID, _, _): return record.applicantAccount == accountID
        case .staff(let staff):
            if try await organisation.holdsAny(
                staff, of: [.casesIntake, .casesHandle, .casesApprove], department: record.departmentID, sql: sql)
            {
                return true
            }
            let creator = try await CaseRow.creator(of: record.id, sql: sql)
            return creator == staff.auditActor.id
        }
    }

    /// Records that the applicant or the window acted through a channel other than the last one
    /// (a case started at the window and continued on a phone).
    func noteChannel(_ record: CaseRecord, actor: CaseActor, at now: Date, tx: Transaction) async throws {
        let channel: CaseChannel
        switch actor {
        case .applicant(_, let used, _): channel = used
        case .staff(let staff) where staff.channel == "counter": channel = .window
        default: return
        }
        guard channel != record.lastChannel else { return }
        try await tx.sql.raw(
            "UPDATE case_cases SET last_channel = \(bind: channel.rawValue) WHERE id = \(bind: record.id)"
        )
        .run()
        try await EventRow.append(
            .channelChanged, caseID: record.id, detail: CaseEventDetail(channel: channel), actor: actor.auditActor.id,
            channel: channel.rawValue, at: now, tx: tx)
    }

    /// Throws unless `actor` is the applicant of `record` (or the window clerk acting for them).
    func requireApplicantSide(_ record: CaseRecord, actor: CaseActor, tx: Transaction) async throws {
        switch actor {
        case .applicant: return
        case .staff(let staff):
            try await organisation.authorize(staff, .casesIntake, department: nil, sql: tx.sql)
        case .system:
            throw DomainError(.forbidden, code: "cases.forbidden", title: "无权操作", detail: "只有申请人或窗口人员可以办理此操作。")
        }
    }
}
