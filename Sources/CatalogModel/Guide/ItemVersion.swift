public import Foundation
public import Kernel

/// One version of an item's guide with its life-cycle facts.
public struct ItemVersion: Codable, Sendable, Hashable {
    /// The version's id.
    public var id: UUID
    /// The item it belongs to.
    public var itemID: UUID
    /// 1, 2, 3… within the item.
    public var number: Int
    /// Draft, published or retired.
    public var status: VersionStatus
    /// The first day it is in force, once published.
    public var effectiveFrom: CalendarDay?
    /// The first day it is no longer in force, once replaced or withdrawn.
    public var effectiveUntil: CalendarDay?
    /// The content.
    public var guide: ItemGuide
    /// Who last edited it (a staff id, or `system` for imports).
    public var editedBy: String
    /// When it was last edited.
    public var editedAt: Date
    /// Who published it.
    public var publishedBy: String?
    /// When it was published.
    public var publishedAt: Date?

    /// Creates a version.
    public init(
        id: UUID, itemID: UUID, number: Int, status: VersionStatus, effectiveFrom: CalendarDay?,
        effectiveUntil: CalendarDay?, guide: ItemGuide, editedBy: String, editedAt: Date, publishedBy: String?,
        publishedAt: Date?
    ) {
        self.id = id
        self.itemID = itemID
        self.number = number
        self.status = status
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.guide = guide
        self.editedBy = editedBy
        self.editedAt = editedAt
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
    }

    /// Whether it is the version in force on `day`.
    public func isInForce(on day: CalendarDay) -> Bool {
        guard status != .draft, let from = effectiveFrom, from <= day else { return false }
        return effectiveUntil.map { day < $0 } ?? true
    }
}
