public import Foundation

/// A step with a deadline has started (a ticket opened, a rectification planned, a message
/// received), published as `evaluation.deadline-started` so that its reminders are queued.
public struct DeadlineStarted: Codable, Sendable, Equatable {
    /// The event type.
    public static let eventType = "evaluation.deadline-started"

    /// The ticket or message.
    public var subjectID: UUID
    /// The step.
    public var step: DeadlineStep
    /// The deadline, as a day number in Asia/Shanghai.
    public var dueDay: Int
}
