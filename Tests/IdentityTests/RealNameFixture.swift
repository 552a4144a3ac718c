import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting

/// A real-name service over a test database with the demo organisation, a pinned clock, and a
/// face verifier: the HTTP adapter against a local provider, the development one, or none.
struct RealNameFixture {
    enum Verifier: Sendable {
        case http
        case development
        case none
    }

    let identity: IdentityFixture
    let organisation: OrganisationService
    let demo: DemoOrganisation
    let service: RealNameService
    /// The local provider behind the HTTP verifier.
    let provider: RealNameProvider

    var database: any Database { identity.database }
    var clock: FixedClock { identity.clock }

    /// Runs `body` with a fresh fixture on `kind`.
    static func with(
        _ kind: TestDatabase, verifier: Verifier = .http, _ body: @Sendable (RealNameFixture) async throws -> Void
    ) async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
                let identity = try IdentityFixture(database: database)
                let sealer = try FieldSealer(masterKey: Array(repeating: 9, count: 32))
                let audit = AuditLog(algorithm: .sm3, clock: identity.clock)
                let organisation = OrganisationService(
                    database: database, audit: audit, sealer: sealer, clock: identity.clock,
                    hasher: PasswordHasher(cost: 4), divisions: try DivisionTable.standard())
                let demo = try await organisation.seedDemoOrganisation()
                let face: (any FaceVerifier)? =
                    switch verifier {
                    case .http: HTTPFaceVerifierTests.verifier(port: server.port)
                    case .development: DevelopmentFaceVerifier()
                    case .none: nil
                    }
                let service = RealNameService(
                    database: database, audit: audit, sealer: sealer, clock: identity.clock, faceVerifier: face,
                    organisation: organisation)
                try await body(
                    RealNameFixture(
                        identity: identity, organisation: organisation, demo: demo, service: service,
                        provider: provider))
            }
        }
    }

    /// 张三, registered and raised to L2 by the registry.
    func zhangAtL2() async throws -> PersonProfile {
        _ = try await identity.registry.load(csv: "name,id_number\n张三,130102199003071233")
        let person = try await identity.register(IdentityFixture.zhang)
        try await identity.service.raiseByRegistry(personID: person.id, by: IdentityFixture.actor(person.id))
        return person
    }

    /// The demo staff member `username` at a counter.
    func staff(_ username: String) -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: "counter", clientAddress: "10.0.0.8")
    }

    /// The audit entries recorded so far, oldest first: actor and action.
    func audit() async throws -> [(actor: String, action: String)] {
        try await database.read { sql in
            try await sql.raw("SELECT actor, action FROM zt_audit_log ORDER BY seq").all()
        }.map { (try $0.decode(column: "actor", as: String.self), try $0.decode(column: "action", as: String.self)) }
    }
}
