/// One page of search results.
public struct SearchResults: Sendable, Codable, Hashable {
    /// The query as the person typed it.
    public var query: String
    /// The words searched for after synonyms were added, such as 开饭店 → 食品经营, 餐饮.
    public var expandedTerms: [String]
    /// How many published items match in all.
    public var total: Int
    /// This page's hits, best first.
    public var hits: [SearchHit]
    /// The offset of the next page, nil on the last.
    public var nextOffset: Int?

    /// Creates results.
    public init(query: String, expandedTerms: [String], total: Int, hits: [SearchHit], nextOffset: Int?) {
        self.query = query
        self.expandedTerms = expandedTerms
        self.total = total
        self.hits = hits
        self.nextOffset = nextOffset
    }
}
