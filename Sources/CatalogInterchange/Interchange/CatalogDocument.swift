import Catalog
import CatalogModel

/// The whole catalog as one file (`format: zhengtong-catalog`, `version: 1`): items with every
/// version of their guides, service locations and 一件事 bundles. What export writes and import
/// reads, as JSON (`CatalogJSON`) or CSV (`CatalogCSV`). See docs/catalog-format.md.
///
/// Codes, departments and dates are kept as the text the file holds, so a file with a bad code
/// still loads and the import's validation can name every problem with its path.
public struct CatalogDocument: Codable, Sendable, Hashable {
    /// The value of `format` in every catalog file.
    public static let formatName = "zhengtong-catalog"
    /// The version of the format this build writes and reads.
    public static let currentVersion = 1

    /// Always `zhengtong-catalog`.
    public var format: String
    /// The format version, 1.
    public var version: Int
    /// The items, by business code.
    public var items: [ItemEntry]
    /// The service locations, by code.
    public var locations: [LocationEntry]
    /// The bundles, by code.
    public var bundles: [BundleEntry]

    /// Creates a document of the current format.
    public init(items: [ItemEntry] = [], locations: [LocationEntry] = [], bundles: [BundleEntry] = []) {
        format = Self.formatName
        version = Self.currentVersion
        self.items = items
        self.locations = locations
        self.bundles = bundles
    }

    /// How many versions the document holds in all.
    public var versionCount: Int { items.reduce(0) { $0 + $1.versions.count } }
}
