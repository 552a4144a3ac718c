public import Foundation
public import Kernel
import SQLKit

/// The table of due work: enqueue, claim, finish, and the operators' view.
///
/// Claims on PostgreSQL use `FOR UPDATE SKIP LOCKED`, so any number of workers in any number of
/// instances take disjoint jobs; on SQLite claims run in the single writer's transaction.
public struct JobQueue: Sendable {
    /// The database holding `zt_jobs`.
    public let database: any Database
    private let clock: any Clock
    private let backoff: Backoff
    private let defaultMaxAttempts: Int

    /// Creates the queue.
    public init(database: any Database, clock: any Clock, backoff: Backoff = Backoff(), defaultMaxAttempts: Int = 8) {
        self.database = database
        self.clock = clock
        self.backoff = backoff
        self.defaultMaxAttempts = defaultMaxAttempts
    }

    /// Enqueues a job inside `tx`, so it exists only if the caller's change commits.
    @discardableResult
    public func enqueue(
        kind: String, payload: some Encodable, runAt: Date? = nil, maxAttempts: Int? = nil, in tx: Transaction
    ) async throws -> UUID {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        let id = UUID()
        let now = clock.now()
        try await tx.sql.raw(
            """
            INSERT INTO zt_jobs (id, kind, payload, state, run_at, attempts, max_attempts, created_at, updated_at)
            VALUES (\(bind: id), \(bind: kind), \(bind: json), 'ready', \(bind: runAt ?? now), 0,
                    \(bind: maxAttempts ?? defaultMaxAttempts), \(bind: now), \(bind: now))
            """
        ).run()
        return id
    }

    /// Enqueues a job in a transaction of its own.
    @discardableResult
    public func enqueue(
        kind: String, payload: some Encodable & Sendable, runAt: Date? = nil, maxAttempts: Int? = nil
    ) async throws -> UUID {
        try await database.transaction { tx in
            try await enqueue(kind: kind, payload: payload, runAt: runAt, maxAttempts: maxAttempts, in: tx)
        }
    }

    /// Claims up to `limit` due jobs for `worker`, leasing them for `lease`.
    ///
    /// A running job whose lease ran out (its worker died) is due again.
    public func claim(limit: Int, worker: String, lease: Duration = .seconds(300)) async throws -> [Job] {
        let now = clock.now()
        let leaseEnd = now.addingTimeInterval(TimeInterval(lease.components.seconds))
        return try await database.transaction { tx in
            let rows = try await tx.sql.raw(
                """
                UPDATE zt_jobs SET state = 'running', attempts = attempts + 1, locked_by = \(bind: worker),
                    locked_until = \(bind: leaseEnd), updated_at = \(bind: now)
                WHERE id IN (
                    SELECT id FROM zt_jobs
                    WHERE (state = 'ready' AND run_at <= \(bind: now))
                       OR (state = 'running' AND locked_until < \(bind: now))
                    ORDER BY run_at LIMIT \(bind: limit)\(unsafeRaw: tx.skipLocked))
                RETURNING id, kind, payload, attempts, max_attempts
                """
            ).all()
            return try rows.map { row in
                Job(
                    id: try row.decode(column: "id", as: UUID.self),
                    kind: try row.decode(column: "kind", as: String.self),
                    payload: try row.decode(column: "payload", as: String.self),
                    attempt: try row.decode(column: "attempts", as: Int.self),
                    maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
                    now: now)
            }
        }
    }

    /// Marks a claimed job done.
    public func complete(_ job: Job, worker: String) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                UPDATE zt_jobs SET state = 'succeeded', locked_by = NULL, locked_until = NULL, last_error = NULL,
                    updated_at = \(bind: now)
                WHERE id = \(bind: job.id) AND locked_by = \(bind: worker) AND state = 'running'
                """
            ).run()
        }
    }

    /// Records a failed attempt: the job is retried after a backoff, or is dead.
    public func fail(_ job: Job, worker: String, error: any Error) async throws {
        let now = clock.now()
        let dead: Bool
        if case JobError.permanent = error { dead = true } else { dead = job.isLastAttempt }
        let delay = backoff.delay(afterAttempt: job.attempt, jitter: Double.random(in: 0...1))
        let runAt = now.addingTimeInterval(
            TimeInterval(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
        let message = String(String(describing: error).prefix(2000))
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                UPDATE zt_jobs SET state = \(bind: dead ? "dead" : "ready"), run_at = \(bind: dead ? now : runAt),
                    last_error = \(bind: message), locked_by = NULL, locked_until = NULL, updated_at = \(bind: now)
                WHERE id = \(bind: job.id) AND locked_by = \(bind: worker) AND state = 'running'
                """
            ).run()
        }
    }

    /// Puts a dead job back in the queue, due now, with a fresh set of attempts.
    public func retry(id: UUID) async throws -> Bool {
        let now = clock.now()
        return try await database.transaction { tx in
            let row = try await tx.sql.raw(
                """
                UPDATE zt_jobs SET state = 'ready', attempts = 0, run_at = \(bind: now), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND state = 'dead' RETURNING id
                """
            ).first()
            return row != nil
        }
    }

    /// One job, or nil.
    public func find(id: UUID) async throws -> JobRecord? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM zt_jobs WHERE id = \(bind: id)").first()
        }.map(Self.record)
    }

    /// The newest jobs in `state` (all states when nil), newest first.
    public func list(state: JobState?, limit: Int = 100, offset: Int = 0) async throws -> [JobRecord] {
        let rows = try await database.read { sql in
            if let state {
                return try await sql.raw(
                    """
                    SELECT \(unsafeRaw: Self.columns) FROM zt_jobs WHERE state = \(bind: state.rawValue)
                    ORDER BY updated_at DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                    """
                ).all()
            }
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM zt_jobs
                ORDER BY updated_at DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all()
        }
        return try rows.map(Self.record)
    }

    /// How many jobs are in each state.
    public func counts() async throws -> [JobState: Int] {
        let rows = try await database.read { sql in
            try await sql.raw("SELECT state, COUNT(*) AS n FROM zt_jobs GROUP BY state").all()
        }
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in rows {
            if let state = JobState(rawValue: try row.decode(column: "state", as: String.self)) {
                counts[state] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    private static let columns =
        "id, kind, payload, state, run_at, attempts, max_attempts, last_error, created_at, updated_at"

    private static func record(_ row: any SQLRow) throws -> JobRecord {
        JobRecord(
            id: try row.decode(column: "id", as: UUID.self),
            kind: try row.decode(column: "kind", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            state: JobState(rawValue: try row.decode(column: "state", as: String.self)) ?? .dead,
            runAt: try row.decode(column: "run_at", as: Date.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
