import Evaluation
import Foundation
import Identity
import Kernel

/// The view model of 我的诉求 (`/me/demands`): the form to ask for a service to go online or
/// become simpler, and the citizen's demands with the department's response.
struct EvaluationPageDemands {
    /// What the form held.
    struct Typed {
        var theme = DemandTheme.notOnline.rawValue
        var itemCode = ""
        var departmentID = ""
        var content = ""
    }

    /// One demand of the list.
    struct Row {
        var id: String
        var theme: String
        var subject: String
        var content: String
        var state: String
        var stateKey: String
        var response: String?
        var createdAt: String
        var respondedAt: String?
    }

    var layout: Layout
    var themes: [EvaluationPageFormat.Option]
    var departments: [EvaluationPageFormat.Option]
    var typed: Typed
    var rows: [Row]
    var notice: String?
    var error: DomainError?

    /// The page of `demands`, the form holding `typed`.
    init(layout: Layout, demands: [Demand], departments: [Department], typed: Typed = Typed()) {
        self.layout = layout
        themes = DemandTheme.allCases.map {
            EvaluationPageFormat.Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == typed.theme)
        }
        self.departments = EvaluationPageFormat.departments(departments, selected: UUID(uuidString: typed.departmentID))
        self.typed = typed
        rows = demands.map(Self.row)
    }

    /// A row of `demand`.
    static func row(_ demand: Demand) -> Row {
        Row(
            id: demand.id.uuidString, theme: demand.theme.label, subject: subject(demand), content: demand.content,
            state: demand.state.label, stateKey: demand.state.rawValue,
            response: CasePageFormat.nonEmpty(demand.response),
            createdAt: CasePageFormat.time(demand.createdAt), respondedAt: CasePageFormat.time(demand.respondedAt))
    }

    /// What a demand is about: the item and its department, the department, or nothing named.
    static func subject(_ demand: Demand) -> String {
        switch (demand.itemName, demand.departmentName) {
        case (let item?, let department?): "\(item)（\(department)）"
        case (let item?, nil): item
        case (nil, let department?): department
        case (nil, nil): "未指定事项或部门"
        }
    }
}
