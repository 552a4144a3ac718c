import Foundation
import Kernel
import Licenses

/// The view model of 证照管理: the licenses the staff member's departments issued, filtered by type.
struct LicenseStaffListPage {
    /// One choice of the type filter.
    struct TypeOption {
        var key: String
        var name: String
        var selected: Bool
    }

    /// One license of the list.
    struct Row {
        var href: String
        var typeName: String
        var holderName: String
        var identifier: String
        var status: String
        var isValid: Bool
        var issuedOn: String
        var validUntil: String
    }

    var layout: Layout
    var types: [TypeOption]
    var rows: [Row]
    var filtered: Bool

    /// The list of `licenses`, with the filter on `typeKey`.
    init(layout: Layout, catalogue: LicenseTypeCatalogue, typeKey: String?, licenses: [License], today: CalendarDay) {
        self.layout = layout
        types = catalogue.types.map { TypeOption(key: $0.key, name: $0.name, selected: $0.key == typeKey) }
        filtered = typeKey != nil
        rows = licenses.map { license in
            Row(
                href: "/staff/licenses/\(license.id.uuidString)", typeName: license.typeName,
                holderName: license.holderNameMasked, identifier: license.identifier.description,
                status: license.effectiveStatusLabel(on: today),
                isValid: license.status == .valid && !license.isExpired(on: today),
                issuedOn: license.issuedOn.description, validUntil: license.validUntil?.description ?? "长期")
        }
    }
}
