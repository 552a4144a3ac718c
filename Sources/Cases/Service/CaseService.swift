public import Catalog
import Foundation
public import Identity
public import Kernel
public import Storage

/// Case handling (办件): drafts, submission, intake, the workflow engine, the statutory clock.
///
/// Every command names its actor and is authorised here: an applicant reaches only their own
/// cases, staff only the departments their data scope covers, with the permission the step
/// demands. Every command writes its timeline event, its audit entry and its domain events in one
/// transaction, so a case is never half-changed.
public struct CaseService: Sendable {
    package let database: any Database
    package let audit: AuditLog
    package let clock: any Clock
    package let organisation: OrganisationService
    package let identity: IdentityService
    package let catalog: CatalogService
    package let processes: ProcessRegistry
    package let calendar: WorkCalendar
    package let sealer: FieldSealer
    package let jobs: JobQueue
    package let limits: CaseLimits

    /// Creates the service.
    public init(
        database: any Database, audit: AuditLog, clock: any Clock, organisation: OrganisationService,
        identity: IdentityService, catalog: CatalogService, processes: ProcessRegistry, calendar: WorkCalendar,
        sealer: FieldSealer, jobs: JobQueue, limits: CaseLimits = CaseLimits()
    ) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.organisation = organisation
        self.identity = identity
        self.catalog = catalog
        self.processes = processes
        self.calendar = calendar
        self.sealer = sealer
        self.jobs = jobs
        self.limits = limits
    }

    package static func notFound() -> DomainError {
        DomainError(.notFound, code: "cases.not-found", title: "办件不存在", detail: "没有找到这个办件，或您无权查看。")
    }

    package static func conflict(_ code: String, _ detail: String) -> DomainError {
        DomainError(.conflict, code: "cases.\(code)", title: "当前状态不允许此操作", detail: detail)
    }

    package static func invalid(_ code: String, _ title: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "cases.\(code)", title: title, detail: detail)
    }
}
