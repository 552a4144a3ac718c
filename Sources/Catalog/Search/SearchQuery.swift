import CatalogModel
import Foundation
import Kernel

/// A query read from what a person typed: its tokens, the synonyms it was expanded with, and the
/// weights they count with towards coverage.
struct SearchQuery: Sendable {
    /// One token to look for.
    struct Term: Sendable, Hashable {
        /// The token, only Chinese characters or ASCII letters and digits.
        var token: String
        /// Whether any stored token starting with it matches (a lone character, an ASCII word).
        var isPrefix: Bool
        /// How much a match counts towards coverage: the person's own words twice a synonym's.
        var weight: Int
    }

    /// Longest query accepted, in characters.
    static let maximumLength = 100
    /// Most tokens of the query itself that are searched for; the rest of a long query is dropped.
    static let maximumTokens = 40
    /// Most tokens synonyms add.
    static let maximumExpansionTokens = 24

    /// The query as typed.
    let text: String
    /// The official terms synonyms added.
    let expandedTerms: [String]
    /// The tokens to look for, the query's own first.
    let terms: [Term]

    /// Reads `text`; throws `invalid` when it is empty or longer than `maximumLength`.
    init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        guard !trimmed.isEmpty else {
            throw DomainError(
                .invalid, code: "catalog.empty-query", title: "请输入搜索内容", detail: "搜索词不能为空，请输入事项名称、关键词或部门。")
        }
        guard trimmed.count <= Self.maximumLength else {
            throw DomainError(
                .invalid, code: "catalog.query-too-long", title: "搜索词过长",
                detail: "搜索词最多\(Self.maximumLength)个字（收到\(trimmed.count)个），请精简后再试。")
        }
        self.text = text
        var seen = Set<String>()
        var terms: [Term] = []
        for span in SearchTokenizer.spans(trimmed) where terms.count < Self.maximumTokens {
            if seen.insert(span.token).inserted {
                terms.append(Term(token: span.token, isPrefix: span.isSingle || span.isWord, weight: 2))
            }
        }
        let normalized = trimmed.precomposedStringWithCompatibilityMapping.lowercased()
        expandedTerms = terms.isEmpty ? [] : SearchSynonyms.expansions(of: normalized)
        var added = 0
        for span in expandedTerms.flatMap({ SearchTokenizer.spans($0) }) where added < Self.maximumExpansionTokens {
            if seen.insert(span.token).inserted {
                terms.append(Term(token: span.token, isPrefix: span.isSingle || span.isWord, weight: 1))
                added += 1
            }
        }
        self.terms = terms
    }

    /// Whether nothing searchable is left, such as for `"**"` or an emoji: no hits, no error.
    var isEmpty: Bool { terms.isEmpty }

    /// The highest coverage a version can reach: every term matched.
    var fullCoverage: Int { terms.reduce(0) { $0 + $1.weight } }

    /// Whether a stored token is matched by one of the terms.
    func matches(_ stored: String) -> Bool {
        terms.contains { $0.isPrefix ? stored.hasPrefix($0.token) : stored == $0.token }
    }

    /// The FTS5 query for one term: quoted, so nothing in it is syntax.
    static func fts5(_ term: Term) -> String {
        "\"\(term.token)\"" + (term.isPrefix ? "*" : "")
    }

    /// The tsquery text for one term: quoted for `to_tsquery`, never carrying an operator.
    static func tsquery(_ term: Term) -> String {
        "'\(term.token)'" + (term.isPrefix ? ":*" : "")
    }
}
