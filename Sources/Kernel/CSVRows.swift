import Foundation

/// The rows of the plain reference CSV files shipped with Kernel.
///
/// The files are written by us and hold no quoted fields, so a full CSV parser would only
/// add ways to fail; a quote in a file is reported as an error instead.
struct CSVRows {
    /// One data row with its 1-based line number in the file, for error messages.
    struct Row {
        var line: Int
        var fields: [Substring]
    }

    /// The data rows, header excluded.
    var rows: [Row]

    /// Splits `text`, checking that the first line is `header` and every row has as many fields.
    init(_ text: String, header: [String], file: String) throws(DomainError) {
        // A file saved on Windows ends its lines with CRLF, which Swift reads as one Character
        // ("\r\n" is a single grapheme), so splitting on "\n" alone would find a single line.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first, first.split(separator: ",").map(String.init) == header else {
            throw Self.error(file: file, line: 1, "表头应为“\(header.joined(separator: ","))”。")
        }
        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count, !line.contains("\"") else {
                throw Self.error(file: file, line: index + 1, "应有\(header.count)个以逗号分隔的字段，且不含引号。")
            }
            rows.append(Row(line: index + 1, fields: fields))
        }
        self.rows = rows
    }

    /// An error about line `line` of `file`.
    static func error(file: String, line: Int, _ problem: String) -> DomainError {
        DomainError(
            .invalid, code: "reference-data.invalid-file", title: "参考数据文件格式错误",
            detail: "\(file) 第\(line)行：\(problem)")
    }

    /// Reads a resource file bundled with Kernel.
    static func bundledText(_ name: String) throws(DomainError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw DomainError(
                .unavailable, code: "reference-data.missing", title: "参考数据缺失",
                detail: "找不到随程序发布的 \(name).csv，请检查安装是否完整。")
        }
        return text
    }
}
