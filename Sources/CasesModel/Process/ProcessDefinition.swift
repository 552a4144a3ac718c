/// How cases of some items are handled (办理流程): the steps, who acts, and the application form.
///
/// Definitions are declarative files (`docs/process-format.md`), checked when loaded; the engine in
/// `Cases` walks them. A case keeps the definition id and revision it started with, so a changed
/// file never changes a case already running.
public struct ProcessDefinition: Sendable, Hashable {
    /// Stable id, such as `food-business-permit`.
    public var id: String
    /// A revision number, raised whenever the file changes.
    public var revision: Int
    /// The name, such as 食品经营许可办理流程.
    public var name: String
    /// The business item codes (业务办理项编码) it handles; empty for the default process.
    public var itemCodes: [String]
    /// The application form.
    public var form: FormSchema
    /// The steps, in order; the first is `receive`.
    public var steps: [ProcessStepDefinition]

    /// Creates a definition; `ProcessDefinitionLoader` is the checked way to make one.
    public init(
        id: String, revision: Int, name: String, itemCodes: [String], form: FormSchema,
        steps: [ProcessStepDefinition]
    ) {
        self.id = id
        self.revision = revision
        self.name = name
        self.itemCodes = itemCodes
        self.form = form
        self.steps = steps
    }

    /// The step with `id`.
    public func step(_ id: String) -> ProcessStepDefinition? {
        steps.first { $0.id == id }
    }

    /// The step that follows `id` for the given form data: the first transition whose condition
    /// holds, else the next step in the list; nil when `id` is the last step.
    public func step(after id: String, data: FormData) -> ProcessStepDefinition? {
        guard let index = steps.firstIndex(where: { $0.id == id }) else { return nil }
        let current = steps[index]
        if !current.next.isEmpty {
            for transition in current.next where transition.when?.holds(for: data) ?? true {
                return step(transition.to)
            }
            return nil
        }
        let following = steps.index(after: index)
        return following < steps.endIndex ? steps[following] : nil
    }
}
