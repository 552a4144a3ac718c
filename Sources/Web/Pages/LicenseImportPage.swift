import Foundation
import Kernel
import Licenses

/// The view model of 存量证照导入: pick a type, upload or paste a CSV, read what was issued and which
/// rows were refused, and why.
struct LicenseImportPage {
    /// A refused row.
    struct Rejected {
        var row: Int
        var reason: String
    }

    /// What an import did.
    struct Report {
        var importedCount: Int
        var imported: [String]
        var rejectedCount: Int
        var rejected: [Rejected]
    }

    var layout: Layout
    var types: [LicenseStaffListPage.TypeOption]
    var rowLimit = LicenseService.importRowLimit
    var report: Report?
    var error: DomainError?

    /// The form, with `typeKey` chosen, and the report of an import if one ran.
    init(layout: Layout, catalogue: LicenseTypeCatalogue, typeKey: String?, report: LicenseImportReport? = nil) {
        self.layout = layout
        types = catalogue.types.map { .init(key: $0.key, name: $0.name, selected: $0.key == typeKey) }
        self.report = report.map { report in
            Report(
                importedCount: report.imported.count, imported: report.imported, rejectedCount: report.rejected.count,
                rejected: report.rejected.map { Rejected(row: $0.row, reason: $0.reason) })
        }
    }
}
