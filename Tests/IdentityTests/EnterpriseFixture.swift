import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

/// An enterprise service over a test database with the demo organisation, a loaded population
/// registry and enterprise registry, and a pinned clock (21 September 2026, 22:13:20 in Beijing).
struct EnterpriseFixture {
    let database: any Database
    let clock: FixedClock
    let service: EnterpriseService
    let identity: IdentityService
    let organisation: OrganisationService
    let registry: DatabaseEnterpriseRegistry
    let demo: DemoOrganisation

    static let zhang = IdentityFixture.zhang
    static let li = IdentityFixture.li
    static let wang = RegisterPerson(
        name: "王五", idNumber: "130104198505051230", phone: "13700000002", password: "长安区办事2026")

    static let companyCode = DemoEnterpriseRegistry.creditCode
    static let companyName = DemoEnterpriseRegistry.name
    /// A second enterprise in the registry, represented by 王五.
    static let otherCode = DemoEnterpriseRegistry.generatedCode(0)
    static let otherName = "石家庄演示1号商贸有限公司"

    static let population = """
        name,id_number
        张三,130102199003071233
        李四,13010219900307125X
        王五,130104198505051230
        """

    static func registryExport() -> String {
        DemoEnterpriseRegistry.csv(representatives: [wang.idNumber])
    }

    /// Runs `body` with a fresh fixture on `kind`; `registry: false` leaves the service without one.
    static func with(
        _ kind: TestDatabase, registry withRegistry: Bool = true,
        _ body: @Sendable (EnterpriseFixture) async throws -> Void
    ) async throws {
        try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
            let clock = FixedClock(IdentityFixture.start)
            let sealer = try FieldSealer(masterKey: Array(repeating: 9, count: 32))
            let audit = AuditLog(algorithm: .sm3, clock: clock)
            let divisions = try DivisionTable.standard()
            let population = DatabasePopulationRegistry(database: database, sealer: sealer)
            _ = try await population.load(csv: Self.population)
            let identity = IdentityService(
                database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
                divisions: divisions, registry: population)
            let organisation = OrganisationService(
                database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
                divisions: divisions)
            let demo = try await organisation.seedDemoOrganisation()
            let registry = DatabaseEnterpriseRegistry(database: database, sealer: sealer)
            _ = try await registry.load(csv: Self.registryExport())
            let service = EnterpriseService(
                database: database, audit: audit, sealer: sealer, clock: clock,
                registry: withRegistry ? registry : nil, organisation: organisation)
            try await body(
                EnterpriseFixture(
                    database: database, clock: clock, service: service, identity: identity,
                    organisation: organisation, registry: registry, demo: demo))
        }
    }

    /// Registers `person` and, unless told otherwise, raises them to L2 through the population registry.
    func person(_ person: RegisterPerson, level2: Bool = true) async throws -> PersonProfile {
        let profile = try await identity.register(person, context: IdentityFixture.web)
        if level2 {
            try await identity.raiseByRegistry(personID: profile.id, by: Self.actor(profile))
        }
        return try await identity.profile(profile.id)
    }

    /// 张三 at L2 with the demo enterprise registered.
    func company() async throws -> (representative: PersonProfile, enterprise: Enterprise) {
        let zhang = try await person(Self.zhang)
        let enterprise = try await service.registerEnterprise(
            RegisterEnterprise(creditCode: Self.companyCode, name: Self.companyName), by: Self.actor(zhang))
        return (zhang, enterprise)
    }

    /// The acting person, from the web.
    static func actor(_ person: PersonProfile) -> Storage.Actor {
        IdentityFixture.actor(person.id)
    }

    /// The demo staff member `username` acting from the web.
    func staff(_ username: String) -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: "web", clientAddress: IdentityFixture.web.clientAddress)
    }

    /// The day `offset` days after the fixture's start, on the Beijing calendar.
    func day(_ offset: Int) -> CalendarDay {
        CalendarDay(IdentityFixture.start).adding(days: offset)
    }

    /// The audit actions recorded since the fixture was set up (people, staff and enterprise
    /// commands), oldest first.
    func auditActions() async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT action FROM zt_audit_log ORDER BY seq").all()
        }.map { try $0.decode(column: "action", as: String.self) }
    }

    /// The last audit entry: actor, action and object id.
    func lastAudit() async throws -> (actor: String, action: String, objectID: String) {
        let row = try await database.read { sql in
            try await sql.raw("SELECT actor, action, object_id FROM zt_audit_log ORDER BY seq DESC LIMIT 1").first()
        }!
        return (
            try row.decode(column: "actor", as: String.self), try row.decode(column: "action", as: String.self),
            try row.decode(column: "object_id", as: String.self)
        )
    }
}
