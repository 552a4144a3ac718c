import Foundation
import Kernel
import Licenses

/// The view model of 证照夹: the signed-in person's licenses, newest first.
struct LicenseWalletPage {
    /// One license of the list.
    struct Row {
        var href: String
        var typeName: String
        var holderName: String
        var identifier: String
        var status: String
        var isValid: Bool
        var validUntil: String
    }

    var layout: Layout
    var rows: [Row]

    /// The wallet of `licenses` as it stands on `today`.
    init(layout: Layout, licenses: [License], today: CalendarDay) {
        self.layout = layout
        rows = licenses.map { license in
            Row(
                href: "/me/licenses/\(license.id.uuidString)", typeName: license.typeName,
                holderName: license.holderNameMasked, identifier: license.identifier.description,
                status: license.effectiveStatusLabel(on: today),
                isValid: license.status == .valid && !license.isExpired(on: today),
                validUntil: license.validUntil?.description ?? "长期")
        }
    }
}
