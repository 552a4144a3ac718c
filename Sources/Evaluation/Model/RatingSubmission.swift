/// What a citizen submits: the overall level, a level for each indicator of the set, a comment.
public struct RatingSubmission: Sendable, Equatable, Codable {
    /// The overall level.
    public var level: RatingLevel
    /// A level for each further indicator of the set, by key; missing ones take the overall level.
    public var scores: [String: RatingLevel]
    /// An optional comment (at most 500 characters).
    public var comment: String?

    /// Creates a submission.
    public init(level: RatingLevel, scores: [String: RatingLevel] = [:], comment: String? = nil) {
        self.level = level
        self.scores = scores
        self.comment = comment
    }
}
