import Catalog
import CatalogModel

/// One row being written, its cells addressed by column.
struct CSVRowWriter {
    private(set) var fields: [String]

    init(_ kind: CSVRecordKind) {
        fields = Array(repeating: "", count: CSVColumn.allCases.count)
        self[.record] = kind.rawValue
    }

    subscript(_ column: CSVColumn) -> String {
        get { fields[CSVColumn.position[column] ?? 0] }
        set { fields[CSVColumn.position[column] ?? 0] = newValue }
    }
}
