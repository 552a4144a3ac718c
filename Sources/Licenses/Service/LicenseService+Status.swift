public import Foundation
public import Identity
import Kernel
package import SQLKit
import Storage

extension LicenseService {
    /// A change of status staff may make, with the statuses it may start from.
    public enum StatusChange: String, Sendable, CaseIterable {
        /// 暂停: a valid license stops verifying until reinstated.
        case suspend
        /// 恢复: a suspended license verifies again.
        case reinstate
        /// 注销: withdrawn for good.
        case revoke

        var target: LicenseStatus {
            switch self {
            case .suspend: .suspended
            case .reinstate: .valid
            case .revoke: .revoked
            }
        }

        var allowedFrom: Set<LicenseStatus> {
            switch self {
            case .suspend: [.valid]
            case .reinstate: [.suspended]
            case .revoke: [.valid, .suspended]
            }
        }
    }

    /// Suspends, reinstates or revokes a license; needs `licenses.issue` for its department and a reason.
    public func change(_ licenseID: UUID, _ change: StatusChange, reason: String, by staff: StaffActor)
        async throws -> License
    {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...500).contains(reason.count) else {
            throw Self.invalid("reason", "请填写2至500字的原因。")
        }
        return try await database.transaction { tx in
            var license = try await staffLoad(licenseID, by: staff, sql: tx.sql)
            guard change.allowedFrom.contains(license.status) else {
                throw Self.conflict("status", "证照当前为“\(license.status.label)”，不能\(Self.verb(change))。")
            }
            license.status = change.target
            license.statusReason = change == .reinstate ? nil : reason
            try await tx.sql.raw(
                """
                UPDATE lic_licenses SET status = \(bind: license.status.rawValue),
                    status_reason = \(bind: license.statusReason), updated_at = \(bind: clock.now())
                WHERE id = \(bind: licenseID)
                """
            ).run()
            try await record(licenseID, action: change.rawValue, actor: staff.auditActor, reason: reason, in: tx)
            try await publishStatus(license, in: tx)
            return license
        }
    }

    /// Issues the next version with changed fields; the old version is superseded. Needs `licenses.issue`.
    public func renew(_ licenseID: UUID, fields changes: [String: String], by staff: StaffActor) async throws
        -> License
    {
        try await database.transaction { tx in
            var old = try await staffLoad(licenseID, by: staff, sql: tx.sql)
            guard old.status == .valid || old.status == .suspended, let type = catalogue.type(old.typeKey) else {
                throw Self.conflict("status", "证照当前为“\(old.status.label)”，不能换发。")
            }
            let fields = try LicenseFieldRules.checked(
                old.fields.merging(changes) { _, new in new }, type: type, clock: clock)
            let issuer = try await issuer(of: type, sql: tx.sql)
            let renewed = try await insert(
                type: type, fields: fields, issuer: issuer, issuedOn: CalendarDay.today(clock),
                origin: .init(
                    action: "renewed", actor: staff.auditActor, serial: old.identifier.serial,
                    version: old.identifier.version + 1, supersedes: old.id), in: tx)
            old.status = .superseded
            old.statusReason = "已换发新版本 \(renewed.identifier)"
            try await tx.sql.raw(
                """
                UPDATE lic_licenses SET status = 'superseded', status_reason = \(bind: old.statusReason),
                    updated_at = \(bind: clock.now())
                WHERE id = \(bind: licenseID)
                """
            ).run()
            try await record(licenseID, action: "superseded", actor: staff.auditActor, reason: old.statusReason, in: tx)
            try await publishStatus(old, in: tx)
            return renewed
        }
    }

    /// Loads a license for staff, refusing it (as not found) outside their `licenses.issue` reach.
    package func staffLoad(_ licenseID: UUID, by staff: StaffActor, sql: any SQLDatabase) async throws -> License {
        guard
            let row = try await sql.raw(
                "SELECT \(unsafeRaw: LicenseRow.columns) FROM lic_licenses WHERE id = \(bind: licenseID)"
            ).first()
        else { throw Self.notFound() }
        let department = try row.decode(column: "department_id", as: UUID.self)
        guard try await organisation.holdsAny(staff, of: [.licensesIssue], department: department, sql: sql) else {
            throw Self.notFound()
        }
        return try LicenseRow.decode(
            row, catalogue: catalogue, issuers: try await LicenseRow.issuerNames(sql: sql), sealer: sealer)
    }

    private func publishStatus(_ license: License, in tx: Transaction) async throws {
        let department = try await tx.sql.raw(
            "SELECT department_id FROM lic_licenses WHERE id = \(bind: license.id)"
        ).first()?.decode(column: "department_id", as: UUID.self)
        try await tx.publish(
            DomainEvent(
                type: "licenses.license-status-changed", aggregateType: "license", aggregateID: license.id.uuidString,
                value: LicenseEventPayload(license, departmentID: department ?? UUID()), occurredAt: clock.now()))
    }

    private static func verb(_ change: StatusChange) -> String {
        switch change {
        case .suspend: "暂停"
        case .reinstate: "恢复"
        case .revoke: "注销"
        }
    }
}
