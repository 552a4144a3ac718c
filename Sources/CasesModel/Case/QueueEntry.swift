/// One line of a staff queue: a task with the case it belongs to and its deadline colour.
public struct QueueEntry: Sendable, Equatable {
    /// The task.
    public var task: CaseTask
    /// The case, masked.
    public var record: CaseRecord
    /// The colour of the case's promised deadline.
    public var colour: DeadlineColour

    /// Creates an entry.
    public init(task: CaseTask, record: CaseRecord, colour: DeadlineColour) {
        self.task = task
        self.record = record
        self.colour = colour
    }
}
