import SQLKit
import SQLiteKit
import SQLiteNIO

/// One row a `SQLiteHandle` statement returned, read through SQLKit.
struct SQLiteResultRow: SQLRow {
    /// The column names of a result and where each is, shared by all its rows.
    final class Columns: Sendable {
        let names: [String]
        let offsets: [String: Int]

        init(_ names: [String]) {
            self.names = names
            // The first of two equal names wins, as SQLite's own lookup by name does.
            self.offsets = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A column the caller asked for that the statement did not return.
    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }

    let columns: Columns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.offsets[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.offsets[column] else { return true }
        return values[offset] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.offsets[column] else { throw MissingColumn(column: column) }
        return try SQLiteDataDecoder().decode(D.self, from: values[offset])
    }
}
