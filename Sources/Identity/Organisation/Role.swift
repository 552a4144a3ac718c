/// A named set of permissions; assigned to staff with a data scope.
public struct Role: Sendable, Equatable, Codable {
    /// The stable key, such as `system-admin`.
    public var code: String
    /// The Chinese name, such as 系统管理员.
    public var name: String
    /// What holders may do.
    public var permissions: Set<Permission>
    /// Whether the platform defines it; built-in roles cannot be changed.
    public var isBuiltIn: Bool

    /// Creates a role value.
    public init(code: String, name: String, permissions: Set<Permission>, isBuiltIn: Bool) {
        self.code = code
        self.name = name
        self.permissions = permissions
        self.isBuiltIn = isBuiltIn
    }
}
