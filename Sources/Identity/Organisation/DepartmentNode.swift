/// A department with the departments directly under it, for showing the tree.
public struct DepartmentNode: Sendable, Equatable, Codable {
    /// The department.
    public var department: Department
    /// The departments directly under it, by code.
    public var children: [DepartmentNode]

    /// Every department of this subtree, depth-first, this one first.
    public var flattened: [Department] {
        [department] + children.flatMap(\.flattened)
    }
}
