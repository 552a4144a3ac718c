public import Foundation

/// A role held by a staff member, reaching the departments its scope names.
public struct RoleAssignment: Sendable, Equatable, Codable {
    /// The staff member.
    public var staffID: UUID
    /// The role's code.
    public var roleCode: String
    /// How far from the staff member's department the role reaches.
    public var scope: DataScope
    /// When it was granted.
    public var grantedAt: Date

    /// Creates an assignment value.
    public init(staffID: UUID, roleCode: String, scope: DataScope, grantedAt: Date) {
        self.staffID = staffID
        self.roleCode = roleCode
        self.scope = scope
        self.grantedAt = grantedAt
    }
}
