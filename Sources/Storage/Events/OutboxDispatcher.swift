import Foundation
public import Kernel
public import Logging
import SQLKit
public import ServiceLifecycle

/// Moves committed outbox events to the job queue, one delivery job per interested subscriber.
///
/// Fan-out through jobs gives each delivery its own retries, backoff and dead-letter state,
/// and lets any number of instances share the work.
public struct OutboxDispatcher: Service {
    /// The job kind that delivers one event to one subscriber.
    public static let deliveryJobKind = "storage.deliver-event"

    private let database: any Database
    private let subscribers: [EventSubscriber]
    private let queue: JobQueue
    private let clock: any Clock
    private let pollInterval: Duration
    private let logger: Logger
    private let gate: StartGate

    /// Creates a dispatcher.
    public init(
        database: any Database, subscribers: [EventSubscriber], queue: JobQueue, clock: any Clock,
        pollInterval: Duration = .milliseconds(500), gate: StartGate = StartGate(open: true), logger: Logger
    ) {
        self.database = database
        self.subscribers = subscribers
        self.queue = queue
        self.clock = clock
        self.pollInterval = pollInterval
        self.logger = logger
        self.gate = gate
    }

    /// Polls the outbox until graceful shutdown.
    public func run() async throws {
        // Graceful shutdown or a failed start-up must not leave the service waiting forever.
        await cancelWhenGracefulShutdown { await gate.wait() }
        guard gate.isOpen else { return }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let moved = try await dispatchBatch()
                if moved > 0 { continue }
            } catch {
                logger.error("outbox dispatch failed", metadata: ["error": "\(error)"])
            }
            try? await gracefulShutdownSleep(for: pollInterval)
        }
    }

    /// Fans out up to `limit` pending events; returns how many it moved.
    @discardableResult
    public func dispatchBatch(limit: Int = 100) async throws -> Int {
        let subscribers = self.subscribers
        let queue = self.queue
        let now = clock.now()
        return try await database.transaction { tx in
            let rows = try await tx.sql.raw(
                SQLQueryString(
                    "SELECT id, event_type FROM zt_outbox WHERE dispatched_at IS NULL ORDER BY occurred_at LIMIT \(limit)"
                        + tx.skipLocked)
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let type = try row.decode(column: "event_type", as: String.self)
                for subscriber in subscribers where subscriber.eventTypes.contains(type) {
                    try await queue.enqueue(
                        kind: Self.deliveryJobKind,
                        payload: EventDelivery(eventID: id, subscriber: subscriber.name),
                        in: tx)
                }
                try await tx.sql.raw("UPDATE zt_outbox SET dispatched_at = \(bind: now) WHERE id = \(bind: id)").run()
            }
            return rows.count
        }
    }
}

/// The payload of a delivery job.
struct EventDelivery: Codable, Sendable {
    var eventID: UUID
    var subscriber: String
}

private func gracefulShutdownSleep(for duration: Duration) async throws {
    try await cancelWhenGracefulShutdown {
        try await Task.sleep(for: duration)
    }
}
