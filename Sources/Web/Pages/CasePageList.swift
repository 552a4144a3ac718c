import CasesModel
import Foundation

/// The view model of 我的办件: the applicant's cases, newest first, with their state.
struct CasePageList {
    /// One case of the list.
    struct Row {
        var href: String
        var number: String
        var itemName: String
        var state: String
        var outcome: String?
        var createdAt: String
        var deadline: String?
        var needsAction: Bool
    }

    var layout: Layout
    var rows: [Row]
    var notice: String?

    /// The list of `records`.
    init(layout: Layout, records: [CaseRecord]) {
        self.layout = layout
        rows = records.map { record in
            Row(
                href: "/me/cases/\(record.id.uuidString)", number: CasePageFormat.grouped(record.number),
                itemName: record.itemName, state: record.state.label, outcome: record.outcome?.label,
                createdAt: CasePageFormat.time(record.createdAt), deadline: record.deadline?.description,
                needsAction: record.state == .draft || record.state == .correction)
        }
    }
}
