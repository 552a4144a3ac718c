import Catalog
import CatalogModel

/// What one row of the catalog CSV holds: the value of its `record` column.
enum CSVRecordKind: String, CaseIterable, Sendable {
    /// One version of an item (the item's columns repeat on each of its versions).
    case version
    /// A service location.
    case location
    /// A 一件事 bundle.
    case bundle
}
