public import Foundation
import Kernel
import SQLKit
public import Storage

extension EnterpriseService {
    /// How far ahead an agent grant may end: three years, so authority lapses unless renewed.
    public static let maximumGrantYears = 3

    /// Authorises a registered person, found by mobile number or 身份证号, as agent (经办人) of the
    /// enterprise for `command.scope` through `command.validUntil`.
    ///
    /// Only the legal representative grants: agents are not given the power to appoint further
    /// agents, so every authority leads back to the representative in one step. The agent must be
    /// at L2 or above and may hold one current grant per enterprise; to change it, revoke and grant
    /// again.
    public func grantAgent(_ command: GrantAgent, for enterpriseID: UUID, by actor: Actor) async throws -> AgentGrant {
        let personID = try Self.person(actor)
        let now = clock.now()
        let today = CalendarDay(now)
        let latest = Self.latestEnd(from: today)
        guard command.validUntil >= today, command.validUntil <= latest else {
            throw DomainError(
                .invalid, code: "identity.agent-valid-until", title: "授权期限不正确",
                detail: "授权截止日期应在今天（\(today)）到 \(latest) 之间，最长 \(Self.maximumGrantYears) 年；到期后可重新授权。")
        }
        let (column, index) = try agentIndex(command.agent)
        return try await database.transaction { tx in
            let enterprise = try await Self.loadEnterprise(enterpriseID, sql: tx.sql)
            guard enterprise.representativeID == personID else {
                throw DomainError(
                    .forbidden, code: "identity.not-representative", title: "无权授权",
                    detail: "只有企业的法定代表人可以授权或撤销经办人。")
            }
            guard enterprise.status == .active else { throw Self.suspended }
            guard
                let agent = try await tx.sql.raw(
                    "SELECT id, real_name_level FROM idn_people WHERE \(unsafeRaw: column) = \(bind: index)"
                ).first()
            else {
                throw DomainError(
                    .notFound, code: "identity.agent-no-account", title: "经办人未注册",
                    detail: "没有找到用该手机号或身份证号注册的个人账号。请经办人先注册并完成 L2 实名认证，再进行授权。")
            }
            let agentID = try agent.decode(column: "id", as: UUID.self)
            guard agentID != personID else {
                throw DomainError(
                    .invalid, code: "identity.agent-is-representative", title: "无需授权",
                    detail: "法定代表人本人可以办理企业的全部事项，无需授权自己为经办人。")
            }
            let level =
                RealNameLevel(rawValue: try agent.decode(column: "real_name_level", as: Int.self)) ?? .selfDeclared
            guard level >= .registryMatched else {
                throw DomainError(
                    .invalid, code: "identity.agent-level", title: "经办人实名等级不足",
                    detail: "经办人账号须达到 L2（人口库比对）。请经办人在个人中心完成实名认证后再授权。")
            }
            let current = try await tx.sql.raw(
                """
                SELECT id FROM idn_enterprise_agents
                WHERE enterprise_id = \(bind: enterpriseID) AND person_id = \(bind: agentID)
                    AND revoked_at IS NULL AND valid_until >= \(bind: today.description)
                """
            ).first()
            guard current == nil else {
                throw DomainError(
                    .conflict, code: "identity.agent-exists", title: "已是经办人",
                    detail: "此人已是本企业的有效经办人。如需调整事项或期限，请先撤销原授权再重新授权。")
            }
            let id = UUID()
            try await insertGrant(
                id: id, enterpriseID: enterpriseID, agentID: agentID, scope: command.scope,
                validUntil: command.validUntil, grantedBy: personID, at: now, tx: tx)
            let grant = try await Self.loadGrant(id, sql: tx.sql)
            try await audit.append(
                actor.entry(
                    action: "identity.enterprise-agent-grant", objectType: "enterprise-agent", objectID: id.uuidString,
                    changeDigest: try audit.digest(of: grant)), in: tx)
            return grant
        }
    }

    /// Revokes an agent grant at once, with a reason; the agent may also give up their own grant.
    ///
    /// The grant is kept, stamped with the time, who and why, so earlier acts remain explained.
    public func revokeAgent(_ grantID: UUID, reason: String, by actor: Actor) async throws -> AgentGrant {
        let personID = try Self.person(actor)
        let reason = try Self.reason(reason)
        return try await database.transaction { tx in
            let grant = try await Self.loadGrant(grantID, sql: tx.sql)
            let enterprise = try await Self.loadEnterprise(grant.enterpriseID, sql: tx.sql)
            guard enterprise.representativeID == personID || grant.personID == personID else {
                throw DomainError(
                    .forbidden, code: "identity.not-representative", title: "无权撤销",
                    detail: "只有企业的法定代表人或经办人本人可以撤销这条授权。")
            }
            return try await revoke(grant, reason: reason, by: actor.id, actor: actor, tx: tx)
        }
    }

    /// Every agent grant of the enterprise, current and past, newest first; for its representative.
    public func agents(of enterpriseID: UUID, by actor: Actor) async throws -> [AgentGrant] {
        let personID = try Self.person(actor)
        return try await database.read { sql in
            let enterprise = try await Self.loadEnterprise(enterpriseID, sql: sql)
            guard enterprise.representativeID == personID else {
                throw DomainError(
                    .forbidden, code: "identity.not-representative", title: "无权查看", detail: "只有企业的法定代表人可以查看经办人名单。")
            }
            return try await Self.loadGrants(of: enterpriseID, sql: sql)
        }
    }

    /// Stamps the revocation and audits it under `actor`; shared by the person and staff doors.
    func revoke(_ grant: AgentGrant, reason: String, by revoker: String, actor: Actor, tx: Transaction) async throws
        -> AgentGrant
    {
        let now = clock.now()
        switch grant.status(at: now) {
        case .current: break
        case .revoked:
            throw DomainError(.conflict, code: "identity.agent-revoked", title: "授权已撤销", detail: "这条授权已经撤销，无需再次撤销。")
        case .expired:
            throw DomainError(.conflict, code: "identity.agent-expired", title: "授权已到期", detail: "这条授权已经到期，无需撤销。")
        }
        try await tx.sql.raw(
            """
            UPDATE idn_enterprise_agents
            SET revoked_at = \(bind: now), revoked_by = \(bind: revoker), revoke_reason = \(bind: reason)
            WHERE id = \(bind: grant.id) AND revoked_at IS NULL
            """
        ).run()
        var revoked = grant
        revoked.revokedAt = now
        revoked.revokedBy = revoker
        revoked.revokeReason = reason
        try await audit.append(
            actor.entry(
                action: "identity.enterprise-agent-revoke", objectType: "enterprise-agent",
                objectID: grant.id.uuidString, changeDigest: try audit.digest(of: ["reason": reason])), in: tx)
        return revoked
    }

    func insertGrant(
        id: UUID, enterpriseID: UUID, agentID: UUID, scope: AgentScope, validUntil: CalendarDay, grantedBy: UUID,
        at now: Date, tx: Transaction
    ) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO idn_enterprise_agents (id, enterprise_id, person_id, scope, valid_until, granted_by, granted_at)
            VALUES (\(bind: id), \(bind: enterpriseID), \(bind: agentID), \(bind: scope.description),
                \(bind: validUntil.description), \(bind: grantedBy), \(bind: now))
            """
        ).run()
    }

    /// The last day a grant made on `today` may run to; 29 February falls back to the 28th.
    static func latestEnd(from today: CalendarDay) -> CalendarDay {
        let year = today.year + maximumGrantYears
        return (try? CalendarDay(year: year, month: today.month, day: today.day))
            ?? (try! CalendarDay(year: year, month: today.month, day: 28))
    }

    /// The blind-index column and value that find the agent's account, computed exactly as
    /// `PersonSeals` computes them at registration.
    func agentIndex(_ text: String) throws -> (column: String, index: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 18 {
            let number = try ResidentIDNumber(trimmed.uppercased(), clock: clock)
            return ("id_number_index", sealer.blindIndex(number.rawValue, context: "idn_people.id_number"))
        }
        guard let phone = try? Phone(trimmed) else {
            throw DomainError(
                .invalid, code: "identity.agent-identifier", title: "经办人信息不正确",
                detail: "请填写经办人注册时使用的 11 位手机号或 18 位身份证号。")
        }
        return ("phone_index", sealer.blindIndex(phone.digits, context: "idn_people.phone"))
    }

    static let suspended = DomainError(
        .conflict, code: "identity.enterprise-suspended", title: "法人账号已暂停",
        detail: "该法人账号已被暂停使用，暂不能办理。请联系政务服务窗口了解原因。")
}
