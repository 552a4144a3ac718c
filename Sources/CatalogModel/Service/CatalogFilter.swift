public import Foundation

/// What the service hall narrows its list of items by; nil fields do not narrow.
public struct CatalogFilter: Sendable, Hashable {
    /// Items of this department.
    public var departmentID: UUID?
    /// Items under this theme.
    public var theme: String?
    /// Items of this life event.
    public var lifeEvent: LifeEvent?
    /// Items serving this audience.
    public var audience: Audience?
    /// Items of this type.
    public var itemType: ItemType?

    /// Creates a filter.
    public init(
        departmentID: UUID? = nil, theme: String? = nil, lifeEvent: LifeEvent? = nil, audience: Audience? = nil,
        itemType: ItemType? = nil
    ) {
        self.departmentID = departmentID
        self.theme = theme
        self.lifeEvent = lifeEvent
        self.audience = audience
        self.itemType = itemType
    }
}
