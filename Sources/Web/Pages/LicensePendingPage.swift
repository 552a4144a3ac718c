import Foundation
import Licenses

/// The view model of 待发证办件: approved cases whose license could not be issued automatically.
struct LicensePendingPage {
    /// One case waiting.
    struct Row {
        var caseHref: String
        var caseNumber: String
        var typeName: String
        var reason: String
        var concludedAt: String
        var issueHref: String
    }

    var layout: Layout
    var rows: [Row]

    /// The page of `pending`, naming each type from `catalogue`.
    init(layout: Layout, pending: [PendingIssue], catalogue: LicenseTypeCatalogue) {
        self.layout = layout
        rows = pending.map { issue in
            Row(
                caseHref: "/staff/cases/\(issue.caseID.uuidString)",
                caseNumber: issue.caseNumber.map { CasePageFormat.grouped($0) } ?? "—",
                typeName: catalogue.type(issue.typeKey)?.name ?? issue.typeKey, reason: issue.reason,
                concludedAt: CasePageFormat.time(issue.createdAt),
                issueHref: "/staff/licenses/new?type=\(issue.typeKey)")
        }
    }
}
