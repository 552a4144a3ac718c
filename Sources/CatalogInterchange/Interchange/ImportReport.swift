import Catalog
import CatalogModel

/// What an import wrote.
public struct ImportReport: Sendable, Hashable, Codable {
    /// Items created.
    public var itemsCreated: Int
    /// Existing items whose versions were replaced.
    public var itemsReplaced: Int
    /// Versions written.
    public var versions: Int
    /// Locations written (new or updated).
    public var locations: Int
    /// Bundles written (new or updated).
    public var bundles: Int
    /// The audit digest of the document.
    public var digest: String

    /// Creates a report.
    public init(itemsCreated: Int, itemsReplaced: Int, versions: Int, locations: Int, bundles: Int, digest: String) {
        self.itemsCreated = itemsCreated
        self.itemsReplaced = itemsReplaced
        self.versions = versions
        self.locations = locations
        self.bundles = bundles
        self.digest = digest
    }

    /// A line for people: 新增事项 60 个，替换 0 个，版本 60 个，服务场所 15 个，一件事 3 个.
    public var summary: String {
        "新增事项 \(itemsCreated) 个，替换 \(itemsReplaced) 个，版本 \(versions) 个，服务场所 \(locations) 个，一件事 \(bundles) 个"
    }
}
