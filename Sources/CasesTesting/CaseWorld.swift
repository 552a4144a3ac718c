public import Cases
import CasesModel
public import Catalog
import CatalogInterchange
public import Foundation
public import Identity
public import Kernel
public import Storage

/// The world every case-based test starts from: the demo organisation and catalog, a registered
/// applicant (张三), and a case service on a pinned clock (Tuesday 2026-04-28 10:00 in Shanghai,
/// just before the Labour Day holiday and its 调休 Saturday 2026-05-09). The Cases, Licenses and
/// Payments fixtures build on it, so the set-up is written once.
public struct CaseWorld: Sendable {
    /// The test database, migrated by the caller.
    public let database: any Database
    /// The pinned clock.
    public let clock: FixedClock
    /// The sealer of personal data.
    public let sealer: FieldSealer
    /// The audit log writer.
    public let audit: AuditLog
    /// Departments, staff and roles.
    public let organisation: OrganisationService
    /// The demo departments and staff.
    public let demo: DemoOrganisation
    /// The demo catalog.
    public let catalog: CatalogService
    /// Accounts.
    public let identity: IdentityService
    /// The job queue.
    public let jobs: JobQueue
    /// Case handling.
    public let cases: CaseService
    /// The applicant's account.
    public let applicantID: UUID

    /// 2026-04-28 02:00 UTC, 10:00 in Shanghai.
    public static let start = Date(timeIntervalSince1970: 1_777_341_600)

    /// Builds the world on a migrated `database`; `keyByte` fills the sealer's master key.
    public static func make(database: any Database, keyByte: UInt8 = 7) async throws -> CaseWorld {
        let clock = FixedClock(start)
        let sealer = try FieldSealer(masterKey: Array(repeating: keyByte, count: 32))
        let audit = AuditLog(algorithm: .sm3, clock: clock)
        let organisation = OrganisationService(
            database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
            divisions: try DivisionTable.standard())
        let demo = try await organisation.seedDemoOrganisation()
        let catalog = CatalogService(database: database, audit: audit, clock: clock, organisation: organisation)
        _ = try await catalog.seedDemoCatalog()
        let identity = IdentityService(
            database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
            sessions: SessionPolicy(), divisions: try DivisionTable.standard(),
            registry: DatabasePopulationRegistry(database: database, sealer: sealer), codeSender: SilentCodeSender())
        let person = try await identity.register(
            RegisterPerson(name: "张三", idNumber: "130102199003071233", phone: "13800000000", password: "政通演示2026"),
            context: LoginContext(channel: "web", clientAddress: "192.0.2.10", userAgent: "test"))
        let jobs = JobQueue(database: database, clock: clock)
        let cases = CaseService(
            database: database, audit: audit, clock: clock, organisation: organisation, identity: identity,
            catalog: catalog, processes: try ProcessRegistry.standard(), calendar: try WorkCalendar.national(),
            sealer: sealer, jobs: jobs)
        return CaseWorld(
            database: database, clock: clock, sealer: sealer, audit: audit, organisation: organisation, demo: demo,
            catalog: catalog, identity: identity, jobs: jobs, cases: cases, applicantID: person.id)
    }

    /// The applicant acting from a computer.
    public var applicant: CaseActor { .applicant(accountID: applicantID, channel: .pc, clientAddress: "192.0.2.10") }

    /// The demo staff member `username` acting from the web (or `channel`).
    public func staff(_ username: String, channel: String = "web") -> StaffActor {
        let member = demo.staff.first { $0.member.username == username }!.member
        return StaffActor(staffID: member.id, channel: channel, clientAddress: "10.0.0.8")
    }
}

/// Login codes go nowhere in these tests.
public struct SilentCodeSender: LoginCodeSender {
    /// Creates the sender.
    public init() {}

    /// Sends nothing.
    public func sendLoginCode(phone: String, code: String, minutes: Int) async throws {}
}
