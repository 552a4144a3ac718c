public import Foundation
public import Kernel

/// A government department or one of its divisions (科室), placed in one tree.
public struct Department: Sendable, Equatable, Codable {
    /// The id.
    public var id: UUID
    /// The unique short code, such as `SJZ-RSJ`.
    public var code: String
    /// The Chinese name, such as 市人力资源和社会保障局.
    public var name: String
    /// The department above, nil for a top-level department.
    public var parentID: UUID?
    /// The administrative division the department serves (GB/T 2260).
    public var divisionCode: DivisionCode
    /// How many departments are above it.
    public var depth: Int
    /// When it was created.
    public var createdAt: Date
    /// When it was last renamed or moved.
    public var updatedAt: Date
}
