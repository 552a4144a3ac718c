import CatalogModel

/// Marks the characters of a name that the query's tokens cover, for the result list.
enum SearchHighlighter {
    /// `name` cut into runs of matched and unmatched characters, in order; joined they give the name.
    static func segments(of name: String, for query: SearchQuery) -> [HighlightSegment] {
        let characters = Array(name)
        var marked = Array(repeating: false, count: characters.count)
        for span in SearchTokenizer.spans(name) where query.matches(span.token) {
            for offset in span.range where offset < marked.count { marked[offset] = true }
        }
        var segments: [HighlightSegment] = []
        for (character, matched) in zip(characters, marked) {
            if let last = segments.last, last.matched == matched {
                segments[segments.count - 1].text.append(character)
            } else {
                segments.append(HighlightSegment(text: String(character), matched: matched))
            }
        }
        return segments
    }
}
