import CatalogModel
import Foundation
import SQLKit

/// How a row of the search index is named: SQLite's FTS5 rowid or PostgreSQL's version id.
enum SearchRowID: Hashable, Sendable {
    case rowid(Int)
    case version(UUID)

    /// Reads the `rid` column of a row.
    static func decode(_ row: any SQLRow, postgres: Bool) throws -> SearchRowID {
        postgres
            ? .version(try row.decode(column: "rid", as: UUID.self))
            : .rowid(try row.decode(column: "rid", as: Int.self))
    }
}
