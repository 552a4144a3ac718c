import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

/// An organisation service over a test database with the demo departments and staff, a pinned
/// clock and a cheap bcrypt cost.
struct OrganisationFixture {
    let database: any Database
    let clock: FixedClock
    let service: OrganisationService
    /// The person-account service on the same database, for tests that need a citizen.
    let identity: IdentityService
    let demo: DemoOrganisation

    static let web = IdentityFixture.web

    /// Runs `body` with a fresh, seeded fixture on `kind`.
    static func with(_ kind: TestDatabase, _ body: @Sendable (OrganisationFixture) async throws -> Void)
        async throws
    {
        try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
            let clock = FixedClock(IdentityFixture.start)
            let sealer = try FieldSealer(masterKey: Array(repeating: 9, count: 32))
            let audit = AuditLog(algorithm: .sm3, clock: clock)
            let service = OrganisationService(
                database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
                divisions: try DivisionTable.standard())
            let identity = IdentityService(
                database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
                divisions: try DivisionTable.standard())
            let demo = try await service.seedDemoOrganisation()
            try await body(
                OrganisationFixture(
                    database: database, clock: clock, service: service, identity: identity, demo: demo))
        }
    }

    /// The demo department with `code`.
    func department(_ code: String) -> Department {
        demo.departments.first { $0.code == code }!
    }

    /// The demo staff member with `username`.
    func staff(_ username: String) -> DemoStaff {
        demo.staff.first { $0.member.username == username }!
    }

    /// The demo staff member `username` acting from the web.
    func actor(_ username: String) -> StaffActor {
        StaffActor(staffID: staff(username).member.id, channel: "web", clientAddress: Self.web.clientAddress)
    }

    /// The code `secret` (base32) shows now.
    func code(_ secret: String) -> String {
        TOTP(secret: Base32.decode(secret)!).code(at: clock.now())
    }

    /// Both login steps for a demo staff member, with the code their authenticator shows now.
    func login(_ username: String, from context: LoginContext = web) async throws -> IssuedStaffSession {
        let challenge = try await service.beginStaffLogin(
            username: username, password: OrganisationService.demoPassword, context: context)
        return try await service.completeStaffLogin(
            challenge: challenge.token, code: code(staff(username).totpSecret), context: context)
    }

    /// Opens a staff account in `department` as `admin` and gives it `role` with `scope`.
    func hire(
        _ username: String, in department: String, role: BuiltInRole, scope: DataScope, by actor: String = "admin"
    ) async throws -> StaffActor {
        let member = try await service.createStaff(
            CreateStaff(
                username: username, name: "测试员", phone: "13700000000", departmentID: self.department(department).id,
                password: OrganisationService.demoPassword), by: self.actor(actor))
        _ = try await service.assignRole(role.rawValue, to: member.id, scope: scope, by: self.actor(actor))
        return StaffActor(staffID: member.id, channel: "web", clientAddress: Self.web.clientAddress)
    }

    /// The audit actions recorded so far, oldest first.
    func auditActions() async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT action FROM zt_audit_log ORDER BY seq").all()
        }.map { try $0.decode(column: "action", as: String.self) }
    }
}
