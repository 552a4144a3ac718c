public import Foundation
public import Kernel

/// A version that took effect within a report's period, summarised against the version before it.
public struct VersionChangeSummary: Codable, Sendable, Hashable {
    /// The item.
    public var itemID: UUID
    /// 业务办理项编码.
    public var businessCode: String
    /// The item's name in this version.
    public var itemName: String
    /// The implementing department.
    public var departmentID: UUID
    /// Its name.
    public var departmentName: String
    /// The version's number.
    public var version: Int
    /// The day it took effect (its publication's effective date).
    public var effectiveFrom: CalendarDay
    /// Whether it is the item's first public version (a new item, nothing to compare with).
    public var isNewItem: Bool
    /// How many entries of the diff against the previous version there are.
    public var changeCount: Int
    /// The fields the diff touches, in the guide's order, each once.
    public var changedFields: [String]
    /// Materials added.
    public var materialsAdded: Int
    /// Materials removed.
    public var materialsRemoved: Int
    /// Materials kept but changed.
    public var materialsChanged: Int
    /// The legal limit before, such as 20个工作日; nil for a new item.
    public var legalLimitBefore: String?
    /// The legal limit after, or 无.
    public var legalLimitAfter: String
    /// The promised limit before; nil for a new item.
    public var promisedLimitBefore: String?
    /// The promised limit after.
    public var promisedLimitAfter: String
    /// Visits before; nil for a new item.
    public var visitsBefore: Int?
    /// Visits after.
    public var visitsAfter: Int
    /// Online depth (1–4) before; nil for a new item.
    public var onlineDepthBefore: Int?
    /// Online depth after.
    public var onlineDepthAfter: Int
}
