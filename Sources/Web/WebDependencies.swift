public import Cases
public import Catalog
public import Evaluation
public import Identity
public import Kernel
public import Licenses
public import Messaging
public import Payments
public import Prometheus
public import Storage

/// Everything the HTTP layer calls; the composition root fills it in.
public struct WebDependencies: Sendable {
    /// The database, for readiness checks.
    public var database: any Database
    /// The job queue, for the operators' jobs page.
    public var jobs: JobQueue
    /// Messaging.
    public var messaging: MessagingService
    /// The audit chain verifier.
    public var auditVerifier: AuditVerifier
    /// The Prometheus registry `/metrics` reads.
    public var metrics: PrometheusCollectorRegistry
    /// The page renderer.
    public var renderer: PageRenderer
    /// The operator token for `/admin` and `/api/v1/admin`.
    public var operatorToken: String
    /// Verifies SMS gateway callbacks.
    public var gatewaySignature: GatewaySignature
    /// The clock.
    public var clock: any Clock
    /// Accounts, logins and sessions.
    public var identity: IdentityService
    /// The session cookie policy.
    public var sessionCookies: SessionCookies
    /// The OpenID Connect provider.
    public var oidc: OIDCProvider
    /// Departments, staff, roles and staff login.
    public var organisation: OrganisationService
    /// Face verification (L3) and in-person checks (L4).
    public var realName: RealNameService
    /// Legal persons and agents.
    public var enterprises: EnterpriseService
    /// The service catalog (事项目录), locations and 一件事 bundles.
    public var catalog: CatalogService
    /// Case handling (办件).
    public var cases: CaseService
    /// The e-license library (电子证照).
    public var licenses: LicenseService
    /// Non-tax payments (非税支付).
    public var payments: PaymentService
    /// The demo payment channel, when the deployment offers it.
    public var paymentSandbox: SandboxChannel?
    /// 好差评 and 政民互动.
    public var evaluation: EvaluationService

    /// Creates the dependencies.
    public init(
        database: any Database, jobs: JobQueue, messaging: MessagingService, auditVerifier: AuditVerifier,
        metrics: PrometheusCollectorRegistry, renderer: PageRenderer, operatorToken: String,
        gatewaySignature: GatewaySignature, clock: any Clock, identity: IdentityService, oidc: OIDCProvider,
        organisation: OrganisationService,
        realName: RealNameService, enterprises: EnterpriseService, catalog: CatalogService, cases: CaseService,
        licenses: LicenseService, payments: PaymentService, paymentSandbox: SandboxChannel?,
        evaluation: EvaluationService, sessionCookies: SessionCookies
    ) {
        self.database = database
        self.jobs = jobs
        self.messaging = messaging
        self.auditVerifier = auditVerifier
        self.metrics = metrics
        self.renderer = renderer
        self.operatorToken = operatorToken
        self.gatewaySignature = gatewaySignature
        self.clock = clock
        self.identity = identity
        self.sessionCookies = sessionCookies
        self.oidc = oidc
        self.organisation = organisation
        self.realName = realName
        self.enterprises = enterprises
        self.catalog = catalog
        self.cases = cases
        self.licenses = licenses
        self.payments = payments
        self.paymentSandbox = paymentSandbox
        self.evaluation = evaluation
    }
}
