public import Foundation

/// Demands counted by item (or department) and theme, and how many were acted on: what a
/// department sees, and what the re-engineering report shows as asked and done.
public struct DemandGroup: Sendable, Equatable, Codable {
    /// The item, when the demands name one.
    public var itemCode: String?
    /// The item's name.
    public var itemName: String?
    /// The department, when known.
    public var departmentID: UUID?
    /// Its name.
    public var departmentName: String?
    /// The theme.
    public var theme: DemandTheme
    /// How many asked.
    public var asked: Int
    /// How many are planned.
    public var planned: Int
    /// How many are done.
    public var done: Int
    /// How many were declined.
    public var declined: Int
}
