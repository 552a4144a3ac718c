import Foundation
import Kernel
import SQLKit
import Storage

extension EnterpriseService {
    static let enterpriseColumns = """
        e.id, e.credit_code, e.name, e.representative_id, e.representative_name_masked, e.status,
        e.status_reason, e.confirmed_by, e.created_at, e.updated_at
        """

    /// The agent's masked name and phone are read from the account at every listing, so they
    /// stay as the person last left them; both tables belong to identity.
    static let grantSelect = """
        SELECT g.id, g.enterprise_id, g.person_id, p.name_masked, p.phone_masked, g.scope, g.valid_until,
            g.granted_by, g.granted_at, g.revoked_at, g.revoked_by, g.revoke_reason
        FROM idn_enterprise_agents g JOIN idn_people p ON p.id = g.person_id
        """

    static func enterprise(_ row: any SQLRow) throws -> Enterprise {
        Enterprise(
            id: try row.decode(column: "id", as: UUID.self),
            creditCode: try row.decode(column: "credit_code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            representativeID: try row.decode(column: "representative_id", as: UUID.self),
            representativeNameMasked: try row.decode(column: "representative_name_masked", as: String.self),
            status: EnterpriseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .suspended,
            statusReason: try row.decode(column: "status_reason", as: String?.self),
            confirmedBy: try row.decode(column: "confirmed_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    static func grant(_ row: any SQLRow) throws -> AgentGrant {
        AgentGrant(
            id: try row.decode(column: "id", as: UUID.self),
            enterpriseID: try row.decode(column: "enterprise_id", as: UUID.self),
            personID: try row.decode(column: "person_id", as: UUID.self),
            nameMasked: try row.decode(column: "name_masked", as: String.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String.self),
            scope: try AgentScope(parsing: try row.decode(column: "scope", as: String.self)),
            validUntil: try CalendarDay(parsing: try row.decode(column: "valid_until", as: String.self)),
            grantedBy: try row.decode(column: "granted_by", as: UUID.self),
            grantedAt: try row.decode(column: "granted_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            revokedBy: try row.decode(column: "revoked_by", as: String?.self),
            revokeReason: try row.decode(column: "revoke_reason", as: String?.self))
    }

    /// The enterprise with `id`, or `notFound`.
    static func loadEnterprise(_ id: UUID, sql: any SQLDatabase) async throws -> Enterprise {
        guard
            let row = try await sql.raw(
                "SELECT \(unsafeRaw: enterpriseColumns) FROM idn_enterprises e WHERE e.id = \(bind: id)"
            ).first()
        else {
            throw DomainError(
                .notFound, code: "identity.enterprise-not-registered", title: "企业不存在", detail: "没有找到这个法人账号，可能编号有误。")
        }
        return try enterprise(row)
    }

    /// The agent grant with `id`, or `notFound`.
    static func loadGrant(_ id: UUID, sql: any SQLDatabase) async throws -> AgentGrant {
        guard let row = try await sql.raw("\(unsafeRaw: grantSelect) WHERE g.id = \(bind: id)").first() else {
            throw DomainError(
                .notFound, code: "identity.agent-grant-not-found", title: "授权不存在", detail: "没有找到这条经办人授权，可能编号有误。")
        }
        return try grant(row)
    }

    /// Every grant of `enterpriseID`, newest first.
    static func loadGrants(of enterpriseID: UUID, sql: any SQLDatabase) async throws -> [AgentGrant] {
        try await sql.raw(
            "\(unsafeRaw: grantSelect) WHERE g.enterprise_id = \(bind: enterpriseID) ORDER BY g.granted_at DESC, g.id"
        ).all().map(grant)
    }

    /// A reason for a revocation or a change of status: people read it later, so it must say something.
    static func reason(_ text: String) throws -> String {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // No control characters: PostgreSQL refuses a NUL in text, and the reason is shown to people.
        guard (2...200).contains(reason.count),
            !reason.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw DomainError(.invalid, code: "identity.enterprise-reason", title: "请填写原因", detail: "请填写原因（2 至 200 字）。")
        }
        return reason
    }
}
