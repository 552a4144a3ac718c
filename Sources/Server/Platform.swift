import AsyncHTTPClient
public import Cases
public import Catalog
public import Evaluation
import Foundation
public import Identity
public import Kernel
public import Licenses
public import Logging
public import Messaging
import NIOPosix
import PaymentChannels
public import Payments
public import ServiceLifecycle
import Signing
public import Storage

/// The composition root: every store, service, subscriber and worker, wired from configuration.
///
/// This is the only place that knows all modules; the command and the tests build the platform
/// here and nowhere else.
public final class Platform: Sendable {
    /// The settings it was built from.
    public let configuration: AppConfiguration
    /// The database.
    public let database: any Database
    /// The clock every service reads.
    public let clock: any Clock
    /// The job queue.
    public let jobs: JobQueue
    /// The audit log writer.
    public let audit: AuditLog
    /// Messaging.
    public let messaging: MessagingService
    /// Accounts, logins and sessions.
    public let identity: IdentityService
    /// The OpenID Connect provider.
    public let oidc: OIDCProvider
    /// Departments, staff, roles and staff login.
    public let organisation: OrganisationService
    /// Real-name raises beyond the registry: face verification (L3) and in person (L4).
    public let realName: RealNameService
    /// Legal persons (法人) and their agents (经办人).
    public let enterprises: EnterpriseService
    /// The service catalog (事项目录), locations and 一件事 bundles.
    public let catalog: CatalogService
    /// Case handling (办件): intake, the workflow engine, the statutory clock.
    public let cases: CaseService
    /// The e-license library.
    public let licenses: LicenseService
    /// Non-tax payments (非税支付).
    public let payments: PaymentService
    /// 好差评, consultations, complaints, suggestions and demands.
    public let evaluation: EvaluationService
    /// The demo payment channel, when enabled (its payer page needs it).
    public let sandbox: SandboxChannel?
    /// The issuers' signing keys (licenses and e-receipts).
    public let issuerKeys: IssuerKeyRing
    /// The enterprise registry held in the database (loaded from a market-regulation export).
    public var enterpriseRegistry: DatabaseEnterpriseRegistry {
        DatabaseEnterpriseRegistry(database: database, sealer: sealer)
    }
    /// The population registry held in the database (loaded from a department export).
    public var populationRegistry: DatabasePopulationRegistry {
        DatabasePopulationRegistry(database: database, sealer: sealer)
    }
    private let sealer: FieldSealer
    /// The operator token in force.
    public let operatorToken: String
    /// Every module's manifest, in dependency order.
    public let manifests: [ModuleManifest]
    /// Services to run beside the HTTP server: the database pool, if any, the outbox and the jobs.
    public let services: [any Service]
    /// The outbox dispatcher (also among `services`).
    public let dispatcher: OutboxDispatcher
    /// The job worker (also among `services`).
    public let worker: JobWorker
    private let httpClient: HTTPClient?
    private let gate = StartGate()
    private let logger: Logger

    /// Builds the platform; nothing runs until `services` run.
    public init(configuration: AppConfiguration, clock: any Clock = SystemClock(), logger: Logger) async throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        operatorToken =
            configuration.operatorToken.isEmpty
            ? try LocalSecrets.loadOrCreate(named: "operator-token", in: configuration.dataDirectory, bytes: 24)
            : configuration.operatorToken
        let keyHex =
            configuration.dataKeyHex.isEmpty
            ? try LocalSecrets.loadOrCreate(named: "data-key", in: configuration.dataDirectory, bytes: 32)
            : configuration.dataKeyHex
        let sealer = try FieldSealer(
            masterKey: LocalSecrets.bytes(fromHex: keyHex),
            cipher: FieldCipher(name: configuration.fieldCipher) ?? .sm4GCM)
        self.sealer = sealer
        let needsHTTP =
            !configuration.smsGatewayURL.isEmpty || !configuration.registryURL.isEmpty
            || configuration.resolvedFaceVerifier == "http" || configuration.paymentChannels.anyConfigured
        let client = needsHTTP ? HTTPClient(eventLoopGroupProvider: .singleton) : nil
        let adapters: RealNameAdapters
        do {
            adapters = try RealNameAdapters.make(configuration, client: client)
        } catch {
            try? await client?.shutdown()
            throw error
        }
        httpClient = client
        // Opened after everything that can throw, so a failed start never leaks open connections.
        var services: [any Service] = []
        if configuration.usesPostgres {
            let postgres = try PostgresStorage(
                url: configuration.databaseURL, searchPath: configuration.databaseSearchPath,
                maximumConnections: configuration.databasePoolSize, logger: logger)
            services.append(postgres.client)
            database = postgres
        } else {
            let path = configuration.databaseURL.isEmpty ? configuration.defaultSQLitePath : configuration.databaseURL
            database = try await SQLiteStorage.open(
                path: path.replacingOccurrences(of: "sqlite://", with: ""), logger: logger)
        }
        let pollInterval = Duration.milliseconds(configuration.pollMilliseconds)
        jobs = JobQueue(database: database, clock: clock)
        audit = AuditLog(algorithm: HashAlgorithm(rawValue: configuration.auditHash) ?? .sm3, clock: clock)
        let sms: any SMSGateway
        if configuration.smsGatewayURL.isEmpty {
            sms = DevelopmentSMSGateway()
        } else if let client {
            sms = HTTPSMSGateway(
                baseURL: configuration.smsGatewayURL,
                signature: GatewaySignature(keyID: configuration.smsKeyID, secret: configuration.smsSecret),
                client: client)
        } else {
            preconditionFailure("an HTTP client exists whenever the SMS gateway is configured")
        }
        messaging = MessagingService(
            database: database, queue: jobs, audit: audit, templates: MessageTemplates(MessageTemplates.builtIn),
            sealer: sealer, sms: sms, clock: clock)
        identity = IdentityService(
            database: database, audit: audit, sealer: sealer, clock: clock,
            hasher: PasswordHasher(cost: UInt8(configuration.bcryptCost)),
            sessions: SessionPolicy(
                idleTimeout: TimeInterval(configuration.sessionIdleMinutes * 60),
                absoluteTimeout: TimeInterval(configuration.sessionAbsoluteHours * 3600)),
            divisions: try DivisionTable.standard(),
            registry: adapters.registry ?? DatabasePopulationRegistry(database: database, sealer: sealer),
            codeSender: MessagingLoginCodeSender(messaging: messaging))
        organisation = OrganisationService(
            database: database, audit: audit, sealer: sealer, clock: clock,
            hasher: PasswordHasher(cost: UInt8(configuration.bcryptCost)), divisions: try DivisionTable.standard())
        realName = RealNameService(
            database: database, audit: audit, sealer: sealer, clock: clock, faceVerifier: adapters.face,
            organisation: organisation)
        enterprises = EnterpriseService(
            database: database, audit: audit, sealer: sealer, clock: clock,
            registry: DatabaseEnterpriseRegistry(database: database, sealer: sealer), organisation: organisation)
        oidc = OIDCProvider(
            database: database, audit: audit, sealer: sealer, clock: clock,
            issuer: IssuerURL(
                configuration.publicURL.isEmpty
                    ? "http://\(configuration.host):\(configuration.port)" : configuration.publicURL))
        catalog = CatalogService(database: database, audit: audit, clock: clock, organisation: organisation)
        cases = CaseService(
            database: database, audit: audit, clock: clock, organisation: organisation, identity: identity,
            catalog: catalog,
            processes: try ProcessRegistry.standard(
                directory: configuration.processDirectory.isEmpty
                    ? nil : URL(fileURLWithPath: configuration.processDirectory)),
            calendar: try Self.workCalendar(configuration), sealer: sealer, jobs: jobs)
        issuerKeys = IssuerKeyRing(database: database, sealer: sealer, clock: clock)
        licenses = LicenseService(
            database: database, audit: audit, clock: clock, organisation: organisation, identity: identity,
            cases: cases, enterprises: enterprises, sealer: sealer, keys: issuerKeys,
            catalogue: try LicenseTypeCatalogue.bundled(),
            algorithm: SigningAlgorithm(rawValue: configuration.licenseSigningAlgorithm) ?? .sm2)
        // The OIDC issuer is the public address; without ZT_PUBLIC_URL it gets the bound port at start.
        let publicAddress = oidc.issuer
        let baseURL: @Sendable () -> URL = {
            URL(string: publicAddress.value) ?? URL(string: "http://127.0.0.1")!
        }
        var channels = PaymentChannelRegistry()
        if let client {
            for channel in try configuration.paymentChannels.channels(client: client, clock: clock) {
                channels.register(channel)
            }
        }
        if configuration.paymentSandbox && configuration.demo {
            let sandbox = SandboxChannel(
                database: database, clock: clock, secret: Data(RandomToken.make().utf8),
                payerPageBase: { baseURL().appending(path: "payments/sandbox") })
            channels.register(sandbox)
            self.sandbox = sandbox
        } else {
            sandbox = nil
        }
        payments = PaymentService(
            database: database, audit: audit, clock: clock, organisation: organisation, catalog: catalog, cases: cases,
            keys: issuerKeys, jobs: jobs, channels: channels,
            settings: PaymentSettings(
                orderLifetime: TimeInterval(configuration.paymentOrderHours * 3600), publicBaseURL: baseURL,
                receiptAlgorithm: SigningAlgorithm(rawValue: configuration.licenseSigningAlgorithm) ?? .sm2))
        evaluation = EvaluationService(
            database: database, audit: audit, clock: clock, organisation: organisation, catalog: catalog, cases: cases,
            calendar: try Self.workCalendar(configuration), sealer: sealer,
            settings: EvaluationSettings(
                ratingWindowDays: configuration.ratingWindowDays, callbackWorkdays: configuration.callbackWorkdays,
                rectificationWorkdays: configuration.rectificationWorkdays))
        let modules = [
            MessagingModule.manifest(service: messaging),
            IdentityModule.manifest(service: identity),
            CatalogModule.manifest(service: catalog),
            CasesModule.manifest(service: cases, messaging: messaging),
            LicensesModule.manifest(service: licenses),
            PaymentsModule.manifest(service: payments),
            EvaluationModule.manifest(service: evaluation, messaging: messaging, jobs: jobs),
        ]
        // Storage's delivery job runs every module's subscribers, so it is declared after them.
        manifests = [StorageModule.manifest(subscribers: modules.flatMap(\.subscribers), database: database)] + modules
        dispatcher = OutboxDispatcher(
            database: database, subscribers: manifests.flatMap(\.subscribers), queue: jobs, clock: clock,
            pollInterval: pollInterval, gate: gate, logger: logger)
        worker = JobWorker(
            queue: jobs, handlers: manifests.flatMap(\.jobHandlers), concurrency: configuration.workerConcurrency,
            pollInterval: pollInterval, gate: gate, logger: logger)
        services.append(dispatcher)
        services.append(worker)
        self.services = services
    }

    /// Applies every module's migrations.
    public func migrate() async throws -> [Migration] {
        try await Migrator(database: database, clock: clock).migrate(manifests.flatMap(\.migrations))
    }

    /// Loads demo data not yet loaded.
    public func seed() async throws -> [String] {
        try await SeedLedger(database: database, clock: clock).run(manifests.flatMap(\.seeds) + DemoSeeds.all(self))
    }

    /// Migrates, and seeds in demo mode: what `serve` does before it listens.
    public func prepare() async throws {
        let applied = try await migrate()
        try await payments.scheduleDailyReconciliation()
        if !applied.isEmpty {
            logger.info("migrated", metadata: ["steps": "\(applied.map { "\($0.domain)#\($0.version)" })"])
        }
        if configuration.demo {
            let seeded = try await seed()
            if !seeded.isEmpty { logger.info("demo data loaded", metadata: ["seeds": "\(seeded)"]) }
        }
        gate.open()
    }

    /// Runs `body` with the database pool running (for commands and tests that do not serve).
    public func withDatabase<T: Sendable>(_ body: @Sendable (Platform) async throws -> T) async throws -> T {
        guard let postgres = database as? PostgresStorage else { return try await body(self) }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await postgres.client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// Closes connections and the HTTP client.
    public func shutdown() async throws {
        try await httpClient?.shutdown()
        try await database.close()
    }
}
