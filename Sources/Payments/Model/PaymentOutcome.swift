/// What the platform made of a payment a channel reported (by notification, query or at the counter).
public enum PaymentOutcome: String, Sendable, Hashable {
    /// The order is now paid.
    case paid
    /// The same payment was already recorded; nothing changed.
    case duplicate
    /// The order could not take it (expired, cancelled or already paid another way): it is being refunded.
    case refunding
    /// The report does not match our records (amount, trade or state); refused and logged.
    case refused
    /// The report is not of a payment (a trade still waiting, say); logged, nothing changed.
    case ignored
}
