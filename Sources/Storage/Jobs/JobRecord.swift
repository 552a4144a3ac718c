public import Foundation

/// A job as operators see it on the jobs page and API.
public struct JobRecord: Sendable, Equatable, Codable {
    /// The job's id.
    public var id: UUID
    /// Which handler runs it.
    public var kind: String
    /// The handler's input as JSON.
    public var payload: String
    /// Where the job stands.
    public var state: JobState
    /// When it is due next.
    public var runAt: Date
    /// Attempts made so far.
    public var attempts: Int
    /// Attempts allowed before it is dead.
    public var maxAttempts: Int
    /// The error of the last failed attempt.
    public var lastError: String?
    /// When it was enqueued.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
}

/// The states of a job.
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its run-at time.
    case ready
    /// Claimed by a worker.
    case running
    /// Done.
    case succeeded
    /// Failed on its last attempt; waits for an operator.
    case dead
}
