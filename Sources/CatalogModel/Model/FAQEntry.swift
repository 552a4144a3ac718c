/// One common question and its answer (常见问题).
public struct FAQEntry: Codable, Sendable, Hashable {
    /// The question.
    public var question: String
    /// The answer.
    public var answer: String

    /// Creates an entry.
    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}
