public import Foundation

/// The data of `evaluation.rating-given`, for statistics and messaging.
public struct RatingEventPayload: Codable, Sendable, Equatable {
    /// The rating.
    public var ratingID: UUID
    /// The case rated.
    public var caseID: UUID
    /// The department rated.
    public var departmentID: UUID
    /// The channel.
    public var channel: RatingChannel
    /// The overall level.
    public var level: RatingLevel
}
