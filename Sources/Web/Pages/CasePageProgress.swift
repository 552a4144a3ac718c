import CasesModel
import Foundation
import Kernel

/// The view model of 办件进度查询 without login: the query form and, when found, the public timeline.
struct CasePageProgress {
    var layout: Layout
    var number: String
    var found: Bool = false
    var itemName: String = ""
    var state: String = ""
    var outcome: String?
    var applicant: String = ""
    var deadline: String?
    var timeline: [CasePageFormat.Line] = []
    var error: DomainError?

    /// The empty form, or the form echoing the number typed.
    init(layout: Layout, number: String) {
        self.layout = layout
        self.number = number
    }

    /// Shows what the query found.
    mutating func show(_ progress: CaseProgress) {
        found = true
        number = CasePageFormat.grouped(progress.number)
        itemName = progress.itemName
        state = progress.state.label
        outcome = progress.outcome?.label
        applicant = progress.applicantNameMasked
        deadline = progress.deadline
        timeline = progress.timeline.map { .init(label: $0.label, at: CasePageFormat.time($0.at), note: nil) }
    }
}
