public import Foundation
import Kernel
import SQLKit
public import Storage

extension EnterpriseService {
    /// Whether `person` may act for `enterprise` on the service item `item` at `instant`, and as what.
    ///
    /// For other services (case intake, licences) to ask before accepting an application in an
    /// enterprise's name. The representative may always act; an agent needs a grant that was made
    /// before `instant`, not revoked by then, ends on or after that Beijing day, and covers `item`.
    /// A suspended enterprise answers `none` for everyone: suspension is its present state, and
    /// callers ask about acts being done now.
    public func agentAuthority(person: UUID, enterprise: UUID, item: String, on instant: Date) async throws
        -> AgentAuthority
    {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    "SELECT representative_id, status FROM idn_enterprises WHERE id = \(bind: enterprise)"
                ).first(),
                try row.decode(column: "status", as: String.self) == EnterpriseStatus.active.rawValue
            else { return .none }
            if try row.decode(column: "representative_id", as: UUID.self) == person { return .representative }
            let grants = try await sql.raw(
                """
                \(unsafeRaw: Self.grantSelect)
                WHERE g.enterprise_id = \(bind: enterprise) AND g.person_id = \(bind: person)
                ORDER BY g.granted_at DESC
                """
            ).all().map(Self.grant)
            guard let grant = grants.first(where: { $0.allows(item, at: instant) }) else { return .none }
            return .agent(grantID: grant.id, validUntil: grant.validUntil)
        }
    }

    /// The enterprises the acting person represents, and those they are a current agent of (我的企业).
    public func myEnterprises(by actor: Actor) async throws -> [EnterpriseMembership] {
        let personID = try Self.person(actor)
        let now = clock.now()
        return try await database.read { sql in
            let represented = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.enterpriseColumns) FROM idn_enterprises e
                WHERE e.representative_id = \(bind: personID) ORDER BY e.created_at, e.id
                """
            ).all().map(Self.enterprise)
            let grants = try await sql.raw(
                """
                \(unsafeRaw: Self.grantSelect)
                WHERE g.person_id = \(bind: personID) AND g.revoked_at IS NULL
                    AND g.valid_until >= \(bind: CalendarDay(now).description)
                ORDER BY g.granted_at, g.id
                """
            ).all().map(Self.grant)
            var memberships = represented.map {
                EnterpriseMembership(enterprise: $0, role: .representative, grant: nil)
            }
            for grant in grants where grant.status(at: now) == .current {
                memberships.append(
                    EnterpriseMembership(
                        enterprise: try await Self.loadEnterprise(grant.enterpriseID, sql: sql), role: .agent,
                        grant: grant))
            }
            return memberships
        }
    }

    /// One enterprise, for its representative or a current agent of it; others are refused.
    public func enterprise(_ id: UUID, by actor: Actor) async throws -> Enterprise {
        let personID = try Self.person(actor)
        let now = clock.now()
        return try await database.read { sql in
            let enterprise = try await Self.loadEnterprise(id, sql: sql)
            if enterprise.representativeID == personID { return enterprise }
            let grants = try await sql.raw(
                "\(unsafeRaw: Self.grantSelect) WHERE g.enterprise_id = \(bind: id) AND g.person_id = \(bind: personID)"
            ).all().map(Self.grant)
            guard grants.contains(where: { $0.status(at: now) == .current }) else {
                throw DomainError(
                    .forbidden, code: "identity.enterprise-forbidden", title: "无权查看",
                    detail: "您不是该企业的法定代表人或有效经办人。如需代企业办事，请联系法定代表人授权。")
            }
            return enterprise
        }
    }
}
