/// An item with the version of its guide in force: what the service hall shows.
public struct PublishedItem: Sendable, Hashable {
    /// The item.
    public var item: ServiceItem
    /// The version in force.
    public var version: ItemVersion
    /// The implementing department's name.
    public var departmentName: String

    /// Creates the pair.
    public init(item: ServiceItem, version: ItemVersion, departmentName: String) {
        self.item = item
        self.version = version
        self.departmentName = departmentName
    }

    /// The guide in force.
    public var guide: ItemGuide { version.guide }
}
