/// Runs the jobs of one kind.
public struct JobHandler: Sendable {
    /// The job kind handled, such as `messaging.deliver`.
    public var kind: String
    /// The work; throwing schedules a retry, `JobError.permanent` makes the job dead at once.
    public var run: @Sendable (Job) async throws -> Void

    /// Creates a handler.
    public init(kind: String, run: @escaping @Sendable (Job) async throws -> Void) {
        self.kind = kind
        self.run = run
    }
}

/// Errors a job handler throws to steer the queue.
public enum JobError: Error, Sendable, Equatable {
    /// Retrying cannot help: the job goes to the dead letters now.
    case permanent(String)
    /// No handler is registered for the job's kind.
    case noHandler(String)
}
