public import Foundation

/// A notice to a citizen about their rating or message (the department answered, the appeal was
/// decided), published as `evaluation.citizen-notice` and delivered to the account's inbox.
public struct CitizenNotice: Codable, Sendable, Equatable {
    /// The event type.
    public static let eventType = "evaluation.citizen-notice"

    /// The account to tell.
    public var accountID: UUID
    /// The title.
    public var title: String
    /// The text.
    public var content: String
}
