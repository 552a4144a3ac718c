import Cases
import Catalog
import CatalogInterchange
import Foundation
import Identity
import Kernel
import Logging
import Storage

/// The services the benchmark needs, built the way the server builds them, on a fresh database:
/// `DATABASE_URL` (PostgreSQL) or a SQLite file in `folder`.
struct BenchPlatform: Sendable {
    let database: any Database
    let cases: CaseService
    let identity: IdentityService

    /// The database: PostgreSQL when `DATABASE_URL` is set (its client must run before the first
    /// query), else a SQLite file in `folder`.
    static func storage(folder: String, logger: Logger) async throws -> (any Database, PostgresStorage?) {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        if !url.isEmpty {
            let postgres = try PostgresStorage(url: url, maximumConnections: 20, logger: logger)
            return (postgres, postgres)
        }
        return (try await SQLiteStorage.open(path: folder + "/zhengtong.sqlite", logger: logger), nil)
    }

    /// Migrates `database`, seeds the demo organisation and catalog, and builds the services.
    init(database: any Database, extraProcesses: URL) async throws {
        self.database = database
        let clock = SystemClock()
        let sealer = try FieldSealer(masterKey: (0..<32).map { UInt8($0) }, cipher: .sm4GCM)
        let audit = AuditLog(algorithm: .sm3, clock: clock)
        let divisions = try DivisionTable.standard()
        let organisation = OrganisationService(
            database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
            divisions: divisions)
        identity = IdentityService(
            database: database, audit: audit, sealer: sealer, clock: clock, hasher: PasswordHasher(cost: 4),
            sessions: SessionPolicy(), divisions: divisions,
            registry: DatabasePopulationRegistry(database: database, sealer: sealer), codeSender: NoCodes())
        let catalog = CatalogService(database: database, audit: audit, clock: clock, organisation: organisation)
        cases = CaseService(
            database: database, audit: audit, clock: clock, organisation: organisation, identity: identity,
            catalog: catalog, processes: try ProcessRegistry.standard(directory: extraProcesses),
            calendar: try WorkCalendar.national().assumingWeekdayRule(yearsAfterCoverage: 2), sealer: sealer,
            jobs: JobQueue(database: database, clock: clock))
        _ = try await Migrator(database: database, clock: clock).migrate(
            StorageModule.migrations + IdentityModule.migrations + CatalogModule.migrations + CasesModule.migrations)
        _ = try await organisation.seedDemoOrganisation()
        _ = try await catalog.seedDemoCatalog()
    }
}

/// The benchmark sends no login codes.
struct NoCodes: LoginCodeSender {
    func sendLoginCode(phone: String, code: String, minutes: Int) async throws {}
}
