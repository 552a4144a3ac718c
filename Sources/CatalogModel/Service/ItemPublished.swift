public import Foundation

/// The payload of `catalog.item-published`.
public struct ItemPublished: Codable, Sendable, Equatable {
    /// The item.
    public var itemID: UUID
    /// Its 业务办理项编码.
    public var businessCode: String
    /// The version number published.
    public var version: Int
    /// The first day it is in force, `YYYY-MM-DD`.
    public var effectiveFrom: String

    /// Creates the payload.
    public init(itemID: UUID, businessCode: String, version: Int, effectiveFrom: String) {
        self.itemID = itemID
        self.businessCode = businessCode
        self.version = version
        self.effectiveFrom = effectiveFrom
    }
}
