public import Foundation

/// What an administrator fills in to open a staff account.
public struct CreateStaff: Sendable, Equatable, Codable {
    /// The login name or 工号: 3–32 letters, digits, `.`, `_` or `-`.
    public var username: String
    /// The legal name.
    public var name: String
    /// The 11-digit mobile number.
    public var phone: String
    /// The department.
    public var departmentID: UUID
    /// The initial password.
    public var password: String

    /// Creates the command.
    public init(username: String, name: String, phone: String, departmentID: UUID, password: String) {
        self.username = username
        self.name = name
        self.phone = phone
        self.departmentID = departmentID
        self.password = password
    }
}
