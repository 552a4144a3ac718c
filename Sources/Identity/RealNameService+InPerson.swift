public import Foundation
import Kernel
import SQLKit
import Storage

extension RealNameService {
    /// The method recorded for a counter check.
    public static let inPersonMethod = "in-person:counter"

    /// Raises the account to L4 after a counter clerk has checked the person and their 身份证 in
    /// person; `evidence` says what was checked (2 to 200 characters, stored sealed).
    ///
    /// The clerk needs `person.read-clear` or `cases.intake`. Any level may be raised; an account
    /// already at L4 is left as it is. The check, the raise and the audit entry commit together.
    @discardableResult
    public func raiseInPerson(personID: UUID, staff: StaffActor, evidence: String) async throws -> RealNameLevel {
        try await authorizeCounterCheck(staff)
        let text = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(text.count) else {
            throw DomainError(
                .invalid, code: "identity.bad-evidence", title: "请填写核验依据",
                detail: "请写明现场核验了什么（2 至 200 个字），例如“核验居民身份证原件，人证一致”。")
        }
        let current = try await database.read { try await self.person(personID, sql: $0).level }
        if current >= .inPerson { return current }
        let checkID = UUID()
        let now = clock.now()
        let sealed = try sealer.seal(text, context: "idn_in_person_checks.evidence")
        let digest = try audit.digest(of: [
            "check": checkID.uuidString, "level": String(RealNameLevel.inPerson.rawValue),
            "method": Self.inPersonMethod,
        ])
        return try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_in_person_checks (id, person_id, staff_id, evidence_sealed, checked_at)
                VALUES (\(bind: checkID), \(bind: personID), \(bind: staff.staffID), \(bind: Data(sealed)), \(bind: now))
                """
            ).run()
            let level = try await raise(personID, to: .inPerson, method: Self.inPersonMethod, at: now, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.real-name-raised", objectType: "person", objectID: personID.uuidString,
                    changeDigest: digest), in: tx)
            return level
        }
    }

    /// Passes when `staff` holds `person.read-clear` or `cases.intake` in any scope.
    private func authorizeCounterCheck(_ staff: StaffActor) async throws {
        do {
            try await organisation.authorize(staff, .personReadClear)
        } catch let error as DomainError where error.code == "identity.forbidden" {
            do {
                try await organisation.authorize(staff, .casesIntake)
            } catch let error as DomainError where error.code == "identity.forbidden" {
                throw DomainError(
                    .forbidden, code: "identity.forbidden", title: "无权操作",
                    detail:
                        "现场实名核验需要“\(Permission.personReadClear.label)”或“\(Permission.casesIntake.label)”权限。如需办理，请联系系统管理员授权。"
                )
            }
        }
    }
}
