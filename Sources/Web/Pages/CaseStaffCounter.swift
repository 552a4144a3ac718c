import CasesModel
import Foundation
import Identity
import Kernel

/// The view model of the 一窗受理 console: find the applicant by 身份证号, find any department's
/// item by code or name, and the window's own cases with their receipts.
struct CaseStaffCounter {
    /// An item found.
    struct Item {
        var code: String
        var name: String
        var department: String
        var href: String
    }

    /// A case the window started.
    struct Row {
        var number: String
        var itemName: String
        var state: String
        var createdAt: String
        var caseHref: String
        var receiptHref: String?
    }

    var layout: Layout
    var query: String = ""
    var items: [Item] = []
    var searched: Bool = false
    var personID: String?
    var personLabel: String = ""
    var lookupNotice: String?
    var rows: [Row]
    var notice: String?
    var error: DomainError?

    /// The console with the window's `records`.
    init(layout: Layout, records: [CaseRecord]) {
        self.layout = layout
        rows = records.map { record in
            Row(
                number: CasePageFormat.grouped(record.number), itemName: record.itemName, state: record.state.label,
                createdAt: CasePageFormat.time(record.createdAt), caseHref: "/staff/cases/\(record.id.uuidString)",
                receiptHref: record.number.map { _ in "/counter/cases/\(record.id.uuidString)/receipt" })
        }
    }

    /// Shows the account found for the 身份证号 typed.
    mutating func show(_ person: PersonProfile) {
        personID = person.id.uuidString
        personLabel = "\(person.nameMasked)（\(person.idNumberMasked)，\(person.realNameLevel.label)）"
    }

    /// The link to the window's form for `code`, carrying the account found, if any.
    func applyHref(_ code: String) -> String {
        "/counter/cases/apply/\(code)" + (personID.map { "?account=\($0)" } ?? "")
    }
}
