/// One item found by a search, with the parts of its name that matched.
public struct SearchHit: Sendable, Codable, Hashable {
    /// The item.
    public var summary: ItemSummary
    /// The name cut into pieces, the matching ones marked, for highlighting.
    public var highlightedName: [HighlightSegment]
    /// Where else it matched (关键词, 实施部门, 申请材料), for the result line.
    public var matchedIn: [String]
    /// The rank score; higher is better.
    public var score: Double

    /// Creates a hit.
    public init(summary: ItemSummary, highlightedName: [HighlightSegment], matchedIn: [String], score: Double) {
        self.summary = summary
        self.highlightedName = highlightedName
        self.matchedIn = matchedIn
        self.score = score
    }
}
