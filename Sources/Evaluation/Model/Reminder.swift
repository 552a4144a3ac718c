public import Foundation
public import Kernel

/// A reminder sent about a step's deadline: which step, which stage, and how many staff it texted.
public struct Reminder: Sendable, Equatable {
    /// The id.
    public var id: UUID
    /// The step whose deadline it was about.
    public var step: DeadlineStep
    /// Due soon or overdue.
    public var stage: ReminderStage
    /// The deadline.
    public var dueDay: CalendarDay
    /// How many staff members were texted.
    public var recipients: Int
    /// When it was sent.
    public var sentAt: Date
}
