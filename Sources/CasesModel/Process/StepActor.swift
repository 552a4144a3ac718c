/// Who acts on a step: a permission held in a department's data scope.
public struct StepActor: Codable, Sendable, Hashable {
    /// The permission the actor needs, such as `cases.handle`.
    public var permission: String
    /// The acting department's code; nil means the department that owns the item.
    public var department: String?

    /// Creates an actor.
    public init(permission: String, department: String? = nil) {
        self.permission = permission
        self.department = department
    }
}
