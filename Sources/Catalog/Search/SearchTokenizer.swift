import CatalogModel
import Foundation

/// Cuts text into the tokens the search index stores and queries match, in Swift so that neither
/// database needs a Chinese tokenizer.
///
/// Chinese runs become overlapping character bigrams (营业执照 → 营业 业执 执照), so a partial or
/// misspelt query still shares most of its tokens with the name; a run of one character stays a
/// unigram. ASCII letters and digits become lower-cased words. Everything else separates tokens,
/// which is also why no token can ever carry FTS syntax (quotes, `*`, `:`, `-`, parentheses).
enum SearchTokenizer {
    /// One token and the characters of the text it came from.
    struct Span: Hashable {
        /// The token as stored.
        var token: String
        /// The offsets of its first and one-past-last characters in the text.
        var range: Range<Int>
        /// Whether it came from a Chinese run of one character (matched as a prefix).
        var isSingle: Bool
        /// Whether it is an ASCII word (matched as a prefix).
        var isWord: Bool
    }

    /// Words longer than this are cut, so a hostile string cannot make an oversized lexeme.
    static let maximumWordLength = 64

    /// The tokens of `text`, in order, repeats kept.
    static func tokens(_ text: String) -> [String] {
        spans(text).map(\.token)
    }

    /// The tokens of every entry, entries cut separately so no bigram spans two of them.
    static func tokens(_ entries: [String]) -> [String] {
        entries.flatMap { tokens($0) }
    }

    /// The tokens of `text` with the characters they cover.
    static func spans(_ text: String) -> [Span] {
        var spans: [Span] = []
        var han: [(scalar: Unicode.Scalar, offset: Int)] = []
        var word = ""
        var wordStart = 0
        func flushHan() {
            if han.count == 1 {
                spans.append(
                    Span(
                        token: String(han[0].scalar), range: han[0].offset..<han[0].offset + 1, isSingle: true,
                        isWord: false))
            } else if han.count > 1 {
                for index in 0..<han.count - 1 {
                    var token = String(han[index].scalar)
                    token.unicodeScalars.append(han[index + 1].scalar)
                    spans.append(
                        Span(
                            token: token, range: han[index].offset..<han[index + 1].offset + 1, isSingle: false,
                            isWord: false))
                }
            }
            han.removeAll()
        }
        func flushWord(end: Int) {
            if !word.isEmpty {
                spans.append(
                    Span(
                        token: String(word.prefix(maximumWordLength)), range: wordStart..<end, isSingle: false,
                        isWord: true))
            }
            word = ""
        }
        for (offset, character) in text.enumerated() {
            switch Unit(character) {
            case .han(let scalar):
                flushWord(end: offset)
                han.append((scalar, offset))
            case .word(let letters):
                flushHan()
                if word.isEmpty { wordStart = offset }
                word += letters
            case .separator:
                flushHan()
                flushWord(end: offset)
            }
        }
        flushHan()
        flushWord(end: text.count)
        return spans
    }

    /// What one character of the text counts as.
    private enum Unit {
        case han(Unicode.Scalar)
        case word(String)
        case separator

        /// Classifies a character after compatibility normalisation, so full-width ＡＢＣ１２３
        /// read as abc123 and a variation selector does not split a Chinese run.
        init(_ character: Character) {
            let normalized = String(character).precomposedStringWithCompatibilityMapping.lowercased()
            if let first = normalized.unicodeScalars.first, first.properties.isIdeographic, first.value > 0x3007 {
                self = .han(first)
            } else if !normalized.isEmpty,
                normalized.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                })
            {
                self = .word(normalized)
            } else {
                self = .separator
            }
        }
    }
}
