/// Splits one line of a provider's CSV statement into fields (RFC 4180 quoting within the line).
///
/// Statements are read line by line so that an error can name its line; a quoted field that
/// runs past the end of its line is reported rather than joined with the next one.
enum CSVLine {
    /// The fields of `line`, quotes removed and `""` read as `"`; nil when a quote is not closed
    /// or text follows a closing quote.
    static func fields(_ line: some StringProtocol) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterClosingQuote = false
        var iterator = line.makeIterator()
        var pending: Character? = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
                afterClosingQuote = false
            } else if character == "\"" && field.allSatisfy(\.isWhitespace) && !afterClosingQuote {
                field = ""
                quoted = true
            } else if afterClosingQuote {
                // Only padding may follow a closing quote; it is not part of the field.
                guard character.isWhitespace else { return nil }
            } else {
                field.append(character)
            }
        }
        guard !quoted else { return nil }
        fields.append(field)
        return fields
    }
}
