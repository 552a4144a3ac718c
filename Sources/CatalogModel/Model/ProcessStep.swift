/// One step of the handling process as the guide describes it (办理流程).
public struct ProcessStep: Codable, Sendable, Hashable {
    /// The step, such as 受理.
    public var name: String
    /// What happens in it.
    public var description: String

    /// Creates a step.
    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }
}
