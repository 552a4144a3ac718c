import Catalog
import CatalogModel
import Foundation

/// Reads the typed values of one CSV record, collecting a problem (with line and column) for each
/// value that does not parse instead of stopping at the first.
struct CSVRowReader {
    let line: Int
    let fields: [String]
    private(set) var problems: [String] = []

    init(_ record: CSVTable.Record) {
        line = record.line
        fields = record.fields
    }

    func text(_ column: CSVColumn) -> String {
        let position = CSVColumn.position[column] ?? 0
        return position < fields.count ? fields[position] : ""
    }

    mutating func problem(_ column: CSVColumn, _ reason: String) {
        problems.append("第 \(line) 行 \(column.rawValue) 列：\(reason)")
    }

    /// A whole number; nil when empty and `optional`.
    mutating func int(_ column: CSVColumn, optional: Bool = false) -> Int? {
        let value = text(column).trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            if !optional { problem(column, "不能为空，应为整数") }
            return nil
        }
        guard let number = Int(value) else {
            problem(column, "“\(value)”不是整数")
            return nil
        }
        return number
    }

    /// A decimal number.
    mutating func double(_ column: CSVColumn) -> Double {
        let value = text(column).trimmingCharacters(in: .whitespaces)
        guard let number = Double(value), number.isFinite else {
            problem(column, "“\(value)”不是数字")
            return 0
        }
        return number
    }

    /// One value of an enumeration by its code.
    mutating func value<E: RawRepresentable & CaseIterable>(_ column: CSVColumn, as type: E.Type) -> E?
    where E.RawValue == String {
        let value = text(column).trimmingCharacters(in: .whitespaces)
        guard let parsed = E(rawValue: value) else {
            problem(column, "“\(value)”不是有效取值（可选：\(E.allCases.map(\.rawValue).joined(separator: "、"))）")
            return nil
        }
        return parsed
    }

    /// A `|`-separated list of enumeration codes; empty means none.
    mutating func values<E: RawRepresentable & CaseIterable>(_ column: CSVColumn, as type: E.Type) -> [E]
    where E.RawValue == String {
        var parsed: [E] = []
        for part in list(column) {
            guard let value = E(rawValue: part) else {
                problem(column, "“\(part)”不是有效取值（可选：\(E.allCases.map(\.rawValue).joined(separator: "、"))）")
                continue
            }
            parsed.append(value)
        }
        return parsed
    }

    /// A `|`-separated list of codes; empty means none.
    func list(_ column: CSVColumn) -> [String] {
        let value = text(column)
        guard !value.isEmpty else { return [] }
        return value.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// `true` or `false` (also 是/否, 1/0).
    mutating func bool(_ column: CSVColumn) -> Bool {
        switch text(column).trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "是": return true
        case "false", "0", "否": return false
        case let other:
            problem(column, "“\(other)”应为 true 或 false")
            return false
        }
    }

    /// A JSON text of `type`; an empty cell is `empty`.
    mutating func json<T: Decodable>(_ column: CSVColumn, as type: T.Type, empty: T) -> T {
        let value = text(column)
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return empty }
        do {
            return try JSONDecoder().decode(T.self, from: Data(value.utf8))
        } catch {
            problem(column, "JSON 内容有误（\(CatalogJSON.describe(error))）")
            return empty
        }
    }

    /// The text, or nil when empty.
    func optionalText(_ column: CSVColumn) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }
}
