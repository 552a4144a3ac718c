import Catalog
import CatalogModel
import Foundation
import Kernel

/// A document that passed validation, its codes parsed and departments resolved: what the import
/// writes.
struct ImportPlan: Sendable {
    /// One item to write.
    struct Item: Sendable {
        var code: BusinessItemCode
        var departmentID: UUID
        var departmentName: String
        var divisionCode: DivisionCode
        var versions: [Version]
    }

    /// One version to write.
    struct Version: Sendable {
        var number: Int
        var status: VersionStatus
        var effectiveFrom: CalendarDay?
        var effectiveUntil: CalendarDay?
        var guide: ItemGuide
    }

    var items: [Item] = []
    var locations: [ServiceLocation] = []
    var bundles: [ServiceBundle] = []
}
