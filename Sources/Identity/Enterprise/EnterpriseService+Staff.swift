public import Foundation
public import Kernel
import SQLKit
import Storage

extension EnterpriseService {
    /// Registered enterprises ordered by credit code, optionally those whose code starts with, or
    /// whose name contains, `matching`. Needs `enterprise.manage`.
    public func enterprises(matching: String? = nil, page: PageRequest = .first, by staff: StaffActor) async throws
        -> Page<Enterprise>
    {
        let text = matching?.trimmingCharacters(in: .whitespaces) ?? ""
        // LIKE wildcards typed by staff are matched literally.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let codePattern = escaped.uppercased() + "%"
        let namePattern = "%" + escaped + "%"
        let (after, offset): (String, Int) =
            switch page.position {
            case .offset(let offset): ("", offset)
            case .after(let cursor): (cursor.key, 0)
            }
        let rows = try await database.read { sql in
            try await organisation.authorized(staff, .enterpriseManage, department: nil, sql: sql)
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.enterpriseColumns) FROM idn_enterprises e
                WHERE e.credit_code > \(bind: after)
                    AND (e.credit_code LIKE \(bind: codePattern) ESCAPE '\\' OR e.name LIKE \(bind: namePattern) ESCAPE '\\')
                ORDER BY e.credit_code LIMIT \(bind: page.fetchLimit) OFFSET \(bind: offset)
                """
            ).all().map(Self.enterprise)
        }
        return Page(fetched: rows, for: page) { PageCursor(key: $0.creditCode) }
    }

    /// One enterprise, for staff with `enterprise.manage`.
    public func enterprise(_ id: UUID, by staff: StaffActor) async throws -> Enterprise {
        try await database.read { sql in
            try await organisation.authorized(staff, .enterpriseManage, department: nil, sql: sql)
            return try await Self.loadEnterprise(id, sql: sql)
        }
    }

    /// Every agent grant of the enterprise, current and past, for staff with `enterprise.manage`.
    public func agents(of enterpriseID: UUID, by staff: StaffActor) async throws -> [AgentGrant] {
        try await database.read { sql in
            try await organisation.authorized(staff, .enterpriseManage, department: nil, sql: sql)
            _ = try await Self.loadEnterprise(enterpriseID, sql: sql)
            return try await Self.loadGrants(of: enterpriseID, sql: sql)
        }
    }

    /// Suspends the enterprise: from now on nobody may act for it, its representative included.
    public func suspendEnterprise(_ id: UUID, reason: String, by staff: StaffActor) async throws -> Enterprise {
        try await setStatus(.suspended, of: id, reason: reason, by: staff)
    }

    /// Lifts a suspension; grants that have not expired or been revoked apply again.
    public func reinstateEnterprise(_ id: UUID, reason: String, by staff: StaffActor) async throws -> Enterprise {
        try await setStatus(.active, of: id, reason: reason, by: staff)
    }

    /// Revokes an agent grant at a counter, for instance when the representative cannot log in.
    public func revokeAgent(_ grantID: UUID, reason: String, by staff: StaffActor) async throws -> AgentGrant {
        let reason = try Self.reason(reason)
        return try await database.transaction { tx in
            try await organisation.authorized(staff, .enterpriseManage, department: nil, sql: tx.sql)
            let grant = try await Self.loadGrant(grantID, sql: tx.sql)
            return try await revoke(
                grant, reason: reason, by: staff.auditActor.id, actor: staff.auditActor, tx: tx)
        }
    }

    private func setStatus(_ status: EnterpriseStatus, of id: UUID, reason: String, by staff: StaffActor)
        async throws -> Enterprise
    {
        let reason = try Self.reason(reason)
        let now = clock.now()
        return try await database.transaction { tx in
            try await organisation.authorized(staff, .enterpriseManage, department: nil, sql: tx.sql)
            var enterprise = try await Self.loadEnterprise(id, sql: tx.sql)
            guard enterprise.status != status else {
                throw DomainError(
                    .conflict, code: "identity.enterprise-status-unchanged", title: "状态未变化",
                    detail: "该法人账号已经是“\(status.label)”状态。")
            }
            try await tx.sql.raw(
                """
                UPDATE idn_enterprises SET status = \(bind: status.rawValue), status_reason = \(bind: reason),
                    updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
            enterprise.status = status
            enterprise.statusReason = reason
            enterprise.updatedAt = now
            try await audit.append(
                staff.auditActor.entry(
                    action: status == .suspended ? "identity.enterprise-suspend" : "identity.enterprise-reinstate",
                    objectType: "enterprise", objectID: id.uuidString,
                    changeDigest: try audit.digest(of: ["status": status.rawValue, "reason": reason])), in: tx)
            return enterprise
        }
    }
}
