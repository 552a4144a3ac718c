/// Delivers a one-time login code to a phone; the composition root fills it in with Messaging.
public protocol LoginCodeSender: Sendable {
    /// Sends `code`, valid for `minutes`, to `phone` at once (codes ignore SMS quiet hours).
    func sendLoginCode(phone: String, code: String, minutes: Int) async throws
}
