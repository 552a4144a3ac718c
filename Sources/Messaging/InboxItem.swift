public import Foundation

/// One message in an account's in-app inbox.
public struct InboxItem: Sendable, Equatable, Codable {
    /// The inbox entry's id.
    public var id: UUID
    /// The message it came from.
    public var messageID: UUID
    /// The title.
    public var title: String
    /// The text.
    public var body: String
    /// When it arrived.
    public var createdAt: Date
    /// When the account opened it, if it has.
    public var readAt: Date?
}
