import Catalog
import CatalogModel
import Kernel

/// RFC 4180 CSV: fields separated by commas, records by CRLF; a field holding a comma, a quote or
/// a line break is quoted, and its quotes doubled. Written by hand because Kernel's `CSVRows`
/// reads only quote-less reference tables, and catalog text holds all three.
enum CSVTable {
    /// One record and the line of the file it starts on (1-based), for error messages.
    struct Record: Sendable, Equatable {
        var line: Int
        var fields: [String]
    }

    /// Writes `rows` with CRLF after every record.
    static func write(_ rows: [[String]]) -> String {
        var text = ""
        for row in rows {
            text += row.map(quoted).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Reads every record; blank lines are skipped. Accepts LF or CR line ends as well as CRLF.
    /// Throws `invalid` naming the line of a quote left open or a stray quote.
    static func read(_ text: String) throws(DomainError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedFieldLine = 1
        var afterClosingQuote = false
        var fieldStarted = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
                        line += 1
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard !fieldStarted else {
                    throw ImportProblems.unreadable("第 \(line) 行：未加引号的字段中出现了引号；含引号的字段应整体用引号括起，并把引号写成两个（\"\"）。")
                }
                inQuotes = true
                fieldStarted = true
                quotedFieldLine = line
            default:
                guard !afterClosingQuote else {
                    throw ImportProblems.unreadable("第 \(line) 行：引号结束后应紧跟逗号或换行，请检查该行的引号是否成对。")
                }
                fieldStarted = true
                field.append(scalar)
            }
        }
        guard !inQuotes else {
            throw ImportProblems.unreadable("第 \(quotedFieldLine) 行开始的带引号字段没有结束引号，请检查引号是否成对。")
        }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}
