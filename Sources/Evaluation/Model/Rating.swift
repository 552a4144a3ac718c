public import Foundation

/// One rating of one case on one channel: open from the case's conclusion (or the counter visit)
/// until the window closes, then rated once or never.
public struct Rating: Sendable, Equatable, Codable {
    /// The rating.
    public var id: UUID
    /// The case rated.
    public var caseID: UUID
    /// Its 办件编号.
    public var caseNumber: String?
    /// The channel.
    public var channel: RatingChannel
    /// The item's 业务办理项编码 and name.
    public var itemCode: String
    /// The item's name.
    public var itemName: String
    /// The department rated.
    public var departmentID: UUID
    /// Its name.
    public var departmentName: String
    /// The service window (such as `3号窗口`), for counter ratings.
    public var serviceWindow: String?
    /// When rating opened and when it closes.
    public var openedAt: Date
    /// The end of the rating window.
    public var closesAt: Date
    /// The overall level, once rated.
    public var level: RatingLevel?
    /// The indicator set's key.
    public var indicatorSet: String
    /// The level given to each indicator.
    public var scores: [String: RatingLevel]
    /// The citizen's comment.
    public var comment: String?
    /// When it was rated.
    public var ratedAt: Date?
    /// The rater's account; only for readers allowed to see who rated (nil otherwise).
    public var raterAccount: UUID?

    /// Whether it can still be rated at `now`.
    public func isOpen(at now: Date) -> Bool { level == nil && now < closesAt }
}
