/// What a delivery receipt did.
public enum ReceiptOutcome: String, Sendable, Equatable {
    /// The sent message is now delivered or failed.
    case recorded
    /// The message had a final status already; nothing changed.
    case alreadyFinal
    /// No message has that gateway id.
    case unknown
}
