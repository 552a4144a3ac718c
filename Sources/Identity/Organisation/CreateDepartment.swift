public import Foundation
public import Kernel

/// What an administrator fills in to add a department or a division under one.
public struct CreateDepartment: Sendable, Equatable, Codable {
    /// The unique short code: 2–40 letters, digits, `-` or `_`.
    public var code: String
    /// The Chinese name.
    public var name: String
    /// The department above, or nil for a top-level department.
    public var parentID: UUID?
    /// The administrative division it serves; must be a current division.
    public var divisionCode: DivisionCode

    /// Creates the command.
    public init(code: String, name: String, parentID: UUID?, divisionCode: DivisionCode) {
        self.code = code
        self.name = name
        self.parentID = parentID
        self.divisionCode = divisionCode
    }
}
