public import Foundation

/// One unit of due work, as a handler sees it.
public struct Job: Sendable, Equatable {
    /// The job's id.
    public var id: UUID
    /// Which handler runs it.
    public var kind: String
    /// The handler's input as JSON.
    public var payload: String
    /// Which attempt this is, from 1.
    public var attempt: Int
    /// The attempt after which a failure makes the job dead.
    public var maxAttempts: Int
    /// The instant the worker picked it up, from the worker's clock.
    public var now: Date

    /// Creates a job value.
    public init(id: UUID, kind: String, payload: String, attempt: Int, maxAttempts: Int, now: Date) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.now = now
    }

    /// Whether a failure of this attempt sends the job to the dead letters.
    public var isLastAttempt: Bool { attempt >= maxAttempts }

    /// Decodes the payload as `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(payload.utf8))
    }
}
