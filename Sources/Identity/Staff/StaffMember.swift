public import Foundation

/// A staff account (工作人员) as admin pages see it: personal data masked.
public struct StaffMember: Sendable, Equatable, Codable {
    /// The id.
    public var id: UUID
    /// The login name or 工号, lower case.
    public var username: String
    /// The name, masked (王**).
    public var nameMasked: String
    /// The mobile number, masked (139****1001).
    public var phoneMasked: String
    /// The department the staff member belongs to.
    public var departmentID: UUID
    /// Whether an authenticator app is enrolled.
    public var totpEnrolled: Bool
    /// Whether the account may log in.
    public var status: StaffStatus
    /// When it was created.
    public var createdAt: Date
    /// When it was last changed.
    public var updatedAt: Date
}
