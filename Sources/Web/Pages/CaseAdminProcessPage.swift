import CasesModel
import Foundation

/// The view model of one process definition: steps, actors, signing rules, conditions, returns,
/// limits, the form and the SVG diagram.
struct CaseAdminProcessPage {
    /// One step.
    struct Step {
        var number: Int
        var id: String
        var name: String
        var kind: String
        var actor: String
        var signing: String
        var branches: [String]
        var next: [String]
        var returnTo: String
        var limit: String
    }

    /// One form field.
    struct Field {
        var key: String
        var label: String
        var type: String
        var required: Bool
        var rules: String
    }

    var layout: Layout
    var id: String
    var name: String
    var revision: Int
    var items: [String]
    var steps: [Step]
    var fields: [Field]
    var diagram: String
    var jsonLink: String
    var svgLink: String

    init(layout: Layout, definition: ProcessDefinition) {
        self.layout = layout
        id = definition.id
        name = definition.name
        revision = definition.revision
        items = definition.itemCodes
        let words = CaseAdminProcessWords(definition: definition)
        steps = definition.steps.enumerated().map { index, step in
            Step(
                number: index + 1, id: step.id, name: step.name, kind: step.kind.label, actor: words.actor(step.actor),
                signing: words.signing(step.signing, branchCount: step.branches.count),
                branches: step.branches.map { "\($0.name)：\(words.actor($0.actor))" },
                next: words.transitions(step), returnTo: words.stepNames(step.returnTo),
                limit: step.timeLimit?.label ?? "—")
        }
        fields = definition.form.fields.map {
            Field(key: $0.key, label: $0.label, type: $0.type.rawValue, required: $0.required, rules: words.rules($0))
        }
        diagram = ProcessDiagram.svg(definition)
        let escapedID = definition.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? definition.id
        jsonLink = "/api/v1/processes/\(escapedID)?revision=\(definition.revision)"
        svgLink = "/api/v1/processes/\(escapedID)/diagram.svg?revision=\(definition.revision)"
    }
}
