import Foundation
import Kernel
import SQLKit
public import Storage

extension EnterpriseService {
    /// The demo citizen 张三, legal representative of the demo enterprise (see `DemoSeeds`).
    public static let demoRepresentative = RegisterPerson(
        name: "张三", idNumber: DemoEnterpriseRegistry.representativeIDNumber, phone: "13800000000",
        password: "政通演示2026")
    /// The demo agent 王伟; a generated resident of the demo population registry (not 李四, whom the browser tests register).
    public static let demoAgent = RegisterPerson(
        name: "王伟", idNumber: "130102195001011001", phone: "13900000001", password: "政通经办2026")

    /// Creates the demo enterprise 演示市政通科技有限公司 with 张三 as legal representative and
    /// 王伟 as agent for all items for one year; registers either person if missing.
    ///
    /// Demo data, written directly: 张三 stays at L1 and the enterprise registry is not asked
    /// (`confirmedBy` is `demo:seed`), and 王伟 is raised to L2 with method `demo:seed`, so that a
    /// tester can log in as either at once. Every change is audited. Refused once the enterprise exists.
    public func seedDemoEnterprise(identity: IdentityService, by actor: Actor = .system) async throws
        -> DemoEnterprise
    {
        let representative = try await existingOrRegistered(Self.demoRepresentative, identity: identity)
        let agent = try await existingOrRegistered(Self.demoAgent, identity: identity)
        let now = clock.now()
        let today = CalendarDay(now)
        let enterprise = Enterprise(
            id: UUID(), creditCode: DemoEnterpriseRegistry.creditCode, name: DemoEnterpriseRegistry.name,
            representativeID: representative.id, representativeNameMasked: Masking.name(Self.demoRepresentative.name),
            status: .active, statusReason: nil, confirmedBy: "demo:seed", createdAt: now, updatedAt: now)
        let sealedName = try sealer.seal(Self.demoRepresentative.name, context: Self.representativeNameContext)
        let validUntil =
            (try? CalendarDay(year: today.year + 1, month: today.month, day: today.day))
            ?? (try! CalendarDay(year: today.year + 1, month: today.month, day: 28))
        let grant = try await database.transaction { tx in
            try await insert(enterprise, sealedName: sealedName, tx: tx)
            try await audit.append(
                actor.entry(
                    action: "identity.enterprise-register", objectType: "enterprise",
                    objectID: enterprise.id.uuidString, changeDigest: try audit.digest(of: enterprise)), in: tx)
            if agent.realNameLevel < .registryMatched {
                try await raiseForDemo(agent.id, at: now, actor: actor, tx: tx)
            }
            let id = UUID()
            try await insertGrant(
                id: id, enterpriseID: enterprise.id, agentID: agent.id, scope: .allItems, validUntil: validUntil,
                grantedBy: representative.id, at: now, tx: tx)
            let grant = try await Self.loadGrant(id, sql: tx.sql)
            try await audit.append(
                actor.entry(
                    action: "identity.enterprise-agent-grant", objectType: "enterprise-agent", objectID: id.uuidString,
                    changeDigest: try audit.digest(of: grant)), in: tx)
            return grant
        }
        return DemoEnterprise(
            enterprise: enterprise, representative: representative, agent: try await identity.profile(agent.id),
            agentPassword: Self.demoAgent.password, grant: grant)
    }

    private func existingOrRegistered(_ person: RegisterPerson, identity: IdentityService) async throws
        -> PersonProfile
    {
        let index = sealer.blindIndex(person.phone, context: "idn_people.phone")
        let row = try await database.read { sql in
            try await sql.raw("SELECT id FROM idn_people WHERE phone_index = \(bind: index)").first()
        }
        if let row { return try await identity.profile(try row.decode(column: "id", as: UUID.self)) }
        return try await identity.register(
            person, context: LoginContext(channel: "system", clientAddress: "-", userAgent: "seed"))
    }

    /// Recorded in the real-name history like any raise, so the demo account's level is explained.
    private func raiseForDemo(_ personID: UUID, at now: Date, actor: Actor, tx: Transaction) async throws {
        let level = RealNameLevel.registryMatched
        try await tx.sql.raw(
            """
            UPDATE idn_people SET real_name_level = \(bind: level.rawValue), updated_at = \(bind: now)
            WHERE id = \(bind: personID)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO idn_real_name_events (id, person_id, level, method, occurred_at)
            VALUES (\(bind: UUID()), \(bind: personID), \(bind: level.rawValue), 'demo:seed', \(bind: now))
            """
        ).run()
        try await audit.append(
            actor.entry(
                action: "identity.real-name-raised", objectType: "person", objectID: personID.uuidString,
                changeDigest: try audit.digest(of: ["level": String(level.rawValue), "method": "demo:seed"])), in: tx)
    }
}
