public import CatalogModel

/// One step of a process definition.
public struct ProcessStepDefinition: Sendable, Hashable {
    /// Stable within the process, such as `review`; tasks and events refer to it.
    public var id: String
    /// What the step does.
    public var kind: StepKind
    /// The name on the workbench, such as 初审.
    public var name: String
    /// Who acts when the step has no branches.
    public var actor: StepActor
    /// How the branches sign.
    public var signing: SigningRule
    /// The parallel branches; empty for a single actor.
    public var branches: [StepBranch]
    /// Where to go next; empty means the following step in the list.
    public var next: [Transition]
    /// Earlier steps this one may send the case back to (退回).
    public var returnTo: [String]
    /// The step's own time limit, if it has one.
    public var timeLimit: TimeLimit?

    /// Creates a step.
    public init(
        id: String, kind: StepKind, name: String, actor: StepActor, signing: SigningRule = .single,
        branches: [StepBranch] = [], next: [Transition] = [], returnTo: [String] = [], timeLimit: TimeLimit? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.actor = actor
        self.signing = signing
        self.branches = branches
        self.next = next
        self.returnTo = returnTo
        self.timeLimit = timeLimit
    }
}
