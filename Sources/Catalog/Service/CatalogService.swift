import CatalogModel
import Foundation
public import Identity
public import Kernel
public import Storage

/// The service catalog: items and their versions, locations and 一件事 bundles.
///
/// Commands name the acting staff member and are authorised here against their department's data
/// scope (`catalog.manage` to draft, `catalog.publish` to publish), and every command is audited
/// in the transaction that makes the change. Public reads need no actor: a published guide is
/// public by law (政府信息公开).
public struct CatalogService: Sendable {
    package let database: any Database
    package let audit: AuditLog
    package let clock: any Clock
    package let organisation: OrganisationService

    /// Creates the service.
    public init(database: any Database, audit: AuditLog, clock: any Clock, organisation: OrganisationService) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.organisation = organisation
    }

    /// Today in Asia/Shanghai, the day versions are in force on.
    var today: CalendarDay { CalendarDay(clock.now()) }

    package static func notFound(_ detail: String) -> DomainError {
        DomainError(.notFound, code: "catalog.not-found", title: "事项不存在", detail: detail)
    }

    package static func conflict(_ code: String, _ detail: String) -> DomainError {
        DomainError(.conflict, code: "catalog.\(code)", title: "当前状态不允许此操作", detail: detail)
    }
}
