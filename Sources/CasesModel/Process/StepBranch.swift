/// One parallel branch of a countersigned step (会签/或签), such as one co-reviewing department.
public struct StepBranch: Codable, Sendable, Hashable {
    /// Stable within the step, such as `fire`.
    public var id: String
    /// What the branch is called on the workbench, such as 消防审查.
    public var name: String
    /// Who signs for it.
    public var actor: StepActor

    /// Creates a branch.
    public init(id: String, name: String, actor: StepActor) {
        self.id = id
        self.name = name
        self.actor = actor
    }
}
