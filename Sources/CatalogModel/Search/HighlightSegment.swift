/// A piece of text and whether it matched the query.
public struct HighlightSegment: Sendable, Codable, Hashable {
    /// The text.
    public var text: String
    /// Whether it matched.
    public var matched: Bool

    /// Creates a segment.
    public init(text: String, matched: Bool) {
        self.text = text
        self.matched = matched
    }
}
