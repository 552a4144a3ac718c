import CasesModel
import Foundation

/// The view model of 办理流程: every process definition's newest revision.
struct CaseAdminProcessListPage {
    /// One definition.
    struct Row {
        var id: String
        var name: String
        var revision: Int
        var steps: Int
        var items: String
        var isDefault: Bool
    }

    var layout: Layout
    var rows: [Row]
    var count: Int

    init(layout: Layout, definitions: [ProcessDefinition]) {
        self.layout = layout
        rows = definitions.map {
            Row(
                id: $0.id, name: $0.name, revision: $0.revision, steps: $0.steps.count,
                items: $0.itemCodes.isEmpty ? "未指定流程的事项" : $0.itemCodes.joined(separator: "、"),
                isDefault: $0.itemCodes.isEmpty)
        }
        count = rows.count
    }
}
