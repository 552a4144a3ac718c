/// The deadlines of a deployment's evaluation work; provinces set their own, the defaults follow
/// common practice under 国办发〔2019〕51号.
public struct EvaluationSettings: Sendable, Equatable {
    /// How many natural days after a case concludes (or a counter visit) it can be rated.
    public var ratingWindowDays: Int
    /// Working days to call a bad reviewer back (回访核实).
    public var callbackWorkdays: Int
    /// Working days a rectification may take at most; the department sets a deadline within it.
    public var rectificationWorkdays: Int
    /// Working days the citizen has to appeal the result.
    public var appealWorkdays: Int
    /// Working days to answer a consultation, a complaint and a suggestion.
    public var answerWorkdays: [InteractionKind: Int]

    /// Creates settings; the defaults suit the demo and most provinces.
    public init(
        ratingWindowDays: Int = 15, callbackWorkdays: Int = 3, rectificationWorkdays: Int = 15,
        appealWorkdays: Int = 5,
        answerWorkdays: [InteractionKind: Int] = [.consultation: 3, .complaint: 5, .suggestion: 10]
    ) {
        self.ratingWindowDays = ratingWindowDays
        self.callbackWorkdays = callbackWorkdays
        self.rectificationWorkdays = rectificationWorkdays
        self.appealWorkdays = appealWorkdays
        self.answerWorkdays = answerWorkdays
    }

    /// The answer limit of `kind`.
    func answerLimit(_ kind: InteractionKind) -> Int { answerWorkdays[kind] ?? 5 }
}
