/// How a message reaches its recipient.
public enum MessageChannel: String, Sendable, Codable, CaseIterable {
    /// The in-app inbox of a platform account.
    case inbox
    /// A text message to a mobile phone, through the SMS gateway.
    case sms
}

/// Where a message stands.
public enum MessageStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for its delivery job (possibly until quiet hours end).
    case queued
    /// Handed to the channel.
    case sent
    /// The channel confirmed arrival.
    case delivered
    /// Gave up, or the channel reported failure.
    case failed
}
