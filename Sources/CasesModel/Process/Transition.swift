/// Where a step goes when it is done: the first transition whose condition holds is taken.
public struct Transition: Codable, Sendable, Hashable {
    /// The next step's id.
    public var to: String
    /// The condition on the form data; nil always holds.
    public var when: StepCondition?

    /// Creates a transition.
    public init(to: String, when: StepCondition? = nil) {
        self.to = to
        self.when = when
    }
}
