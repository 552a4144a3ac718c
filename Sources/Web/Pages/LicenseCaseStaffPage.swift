import Foundation
import Kernel
import Licenses

/// The view model of the licenses inside a case for its clerk: each authorised license in full, with
/// the material it stands for. Opening the page is a logged use the holder sees.
struct LicenseCaseStaffPage {
    /// One authorised license.
    struct Item {
        var materialName: String
        var grantedAt: String
        var certificate: LicenseCertificate
    }

    var layout: Layout
    var caseHref: String
    var items: [Item]

    /// The page of case `caseID` with what `found`.
    init(
        layout: Layout, caseID: UUID, found: [LicenseInCase], catalogue: LicenseTypeCatalogue, today: CalendarDay
    ) {
        self.layout = layout
        caseHref = "/staff/cases/\(caseID.uuidString)"
        items = found.map { entry in
            Item(
                materialName: entry.materialName, grantedAt: CasePageFormat.time(entry.authorisation.grantedAt),
                certificate: {
                    var certificate = LicenseCertificate(
                        entry.license, type: catalogue.type(entry.license.typeKey), today: today)
                    certificate.embedded = true
                    return certificate
                }())
        }
    }
}
