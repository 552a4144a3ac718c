public import Cases
public import Catalog
import Foundation
public import Identity
public import Kernel
public import Storage

/// Non-tax payments (非税支付): orders with payment codes, scan-to-pay through the channels,
/// verified callbacks, the counter, refunds, daily reconciliation and signed e-receipts.
///
/// Every command checks its actor here and is audited; a payment and all its consequences (the
/// order paid, the receipt, PaymentSucceeded, or else the automatic refund) commit together, so a
/// payment is never half-recorded, and the order's state guards make it count once.
public struct PaymentService: Sendable {
    package let database: any Database
    package let audit: AuditLog
    package let clock: any Clock
    package let organisation: OrganisationService
    package let catalog: CatalogService
    package let cases: CaseService
    package let keys: IssuerKeyRing
    package let jobs: JobQueue
    package let channels: PaymentChannelRegistry
    package let codes: any PaymentCodeGenerator
    package let settings: PaymentSettings

    /// Creates the service.
    public init(
        database: any Database, audit: AuditLog, clock: any Clock, organisation: OrganisationService,
        catalog: CatalogService, cases: CaseService, keys: IssuerKeyRing, jobs: JobQueue,
        channels: PaymentChannelRegistry, codes: any PaymentCodeGenerator = RegionalPaymentCode(),
        settings: PaymentSettings
    ) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.organisation = organisation
        self.catalog = catalog
        self.cases = cases
        self.keys = keys
        self.jobs = jobs
        self.channels = channels
        self.codes = codes
        self.settings = settings
    }

    /// Job kinds this domain runs.
    enum JobKind {
        static let expire = "payments.expire"
        static let query = "payments.query"
        static let refund = "payments.refund"
        static let close = "payments.close"
        static let reconcile = "payments.reconcile"
    }

    package static func notFound() -> DomainError {
        DomainError(.notFound, code: "payments.not-found", title: "缴款单不存在", detail: "没有找到这个缴款单，或您无权查看。请核对缴款码。")
    }

    package static func conflict(_ code: String, _ detail: String) -> DomainError {
        DomainError(.conflict, code: "payments.\(code)", title: "当前状态不允许此操作", detail: detail)
    }

    package static func invalid(_ code: String, _ title: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "payments.\(code)", title: title, detail: detail)
    }
}
