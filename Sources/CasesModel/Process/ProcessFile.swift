import CatalogModel

/// The shape of a process file as written by `ProcessDefinitionLoader.encode`: defaults are left
/// out, as an author would, and the loader reads it back to an equal definition.
struct ProcessFile: Encodable {
    var format: String
    var id: String
    var revision: Int
    var name: String
    var items: [String]
    var form: Form
    var steps: [Step]

    /// The application form.
    struct Form: Encodable {
        var fields: [Field]
    }

    /// One form field; nil members are defaults and are not written.
    struct Field: Encodable {
        var key: String
        var label: String
        var type: FieldType
        var required: Bool?
        var options: [String]?
        var maxLength: Int?
        var minimum: Double?
        var maximum: Double?
        var hint: String?

        init(_ field: FormField) {
            key = field.key
            label = field.label
            type = field.type
            required = field.required ? nil : false
            options = field.options.isEmpty ? nil : field.options
            maxLength = field.maxLength
            minimum = field.minimum
            maximum = field.maximum
            hint = field.hint.isEmpty ? nil : field.hint
        }
    }

    /// One step; nil members are defaults and are not written.
    struct Step: Encodable {
        var id: String
        var kind: StepKind
        var name: String
        var actor: StepActor
        var signing: Signing?
        var branches: [StepBranch]?
        var next: [Transition]?
        var returnTo: [String]?
        var timeLimit: TimeLimit?
    }

    /// A signing rule as the file spells it: a word, or `{"quorum": n}`.
    struct Signing: Encodable {
        var rule: SigningRule

        private enum Keys: String, CodingKey { case quorum }

        func encode(to encoder: any Encoder) throws {
            switch rule {
            case .quorum(let n):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(n, forKey: .quorum)
            case .single, .all, .any:
                var container = encoder.singleValueContainer()
                try container.encode(rule == .all ? "all" : rule == .any ? "any" : "single")
            }
        }
    }

    init(_ definition: ProcessDefinition) {
        format = ProcessDefinitionLoader.format
        id = definition.id
        revision = definition.revision
        name = definition.name
        items = definition.itemCodes
        form = Form(fields: definition.form.fields.map(Field.init))
        steps = definition.steps.map { step in
            Step(
                id: step.id, kind: step.kind, name: step.name, actor: step.actor,
                signing: step.signing == .single ? nil : Signing(rule: step.signing),
                branches: step.branches.isEmpty ? nil : step.branches, next: step.next.isEmpty ? nil : step.next,
                returnTo: step.returnTo.isEmpty ? nil : step.returnTo, timeLimit: step.timeLimit)
        }
    }
}
