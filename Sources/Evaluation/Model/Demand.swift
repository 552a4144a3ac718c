public import Foundation

/// A citizen's request for a service that is not yet online or not yet simple (办事诉求).
public struct Demand: Sendable, Equatable, Codable {
    /// The request.
    public var id: UUID
    /// Its theme.
    public var theme: DemandTheme
    /// The item it is about, if any.
    public var itemCode: String?
    /// The item's name.
    public var itemName: String?
    /// The department it goes to, if known.
    public var departmentID: UUID?
    /// Its name.
    public var departmentName: String?
    /// What was asked.
    public var content: String
    /// The state.
    public var state: DemandState
    /// The department's response.
    public var response: String?
    /// When it was asked.
    public var createdAt: Date
    /// When the department last responded.
    public var respondedAt: Date?
}
