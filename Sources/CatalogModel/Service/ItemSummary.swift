public import Foundation

/// One line of a list of published items.
public struct ItemSummary: Sendable, Hashable, Codable {
    /// The item's id.
    public var itemID: UUID
    /// 业务办理项编码.
    public var businessCode: String
    /// The name in force.
    public var name: String
    /// The implementing department.
    public var departmentID: UUID
    /// Its name.
    public var departmentName: String
    /// The kind of item.
    public var itemType: ItemType
    /// How far it can be handled online.
    public var onlineDepth: OnlineDepth
    /// Visits in person.
    public var visitsRequired: Int
    /// The version in force.
    public var version: Int

    /// Creates a summary.
    public init(
        itemID: UUID, businessCode: String, name: String, departmentID: UUID, departmentName: String,
        itemType: ItemType, onlineDepth: OnlineDepth, visitsRequired: Int, version: Int
    ) {
        self.itemID = itemID
        self.businessCode = businessCode
        self.name = name
        self.departmentID = departmentID
        self.departmentName = departmentName
        self.itemType = itemType
        self.onlineDepth = onlineDepth
        self.visitsRequired = visitsRequired
        self.version = version
    }
}
