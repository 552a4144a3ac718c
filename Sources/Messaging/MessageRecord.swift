public import Foundation

/// A stored message as pages and the API show it; the recipient is masked.
public struct MessageRecord: Sendable, Equatable, Codable {
    /// The message id.
    public var id: UUID
    /// The channel.
    public var channel: MessageChannel
    /// The recipient, masked for phone numbers.
    public var recipientMasked: String
    /// The template code.
    public var template: String
    /// The rendered title.
    public var title: String
    /// The rendered text.
    public var body: String
    /// Whether quiet hours were ignored.
    public var urgent: Bool
    /// Where it stands.
    public var status: MessageStatus
    /// Delivery attempts so far.
    public var attempts: Int
    /// The gateway's id, once sent.
    public var providerMessageID: String?
    /// The last error, if any.
    public var lastError: String?
    /// When it was accepted.
    public var createdAt: Date
    /// When its delivery is due (later than `createdAt` in quiet hours).
    public var scheduledAt: Date
    /// When it last changed.
    public var updatedAt: Date
}
