import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// The single SQLite writer's queue: transactions run one at a time, and those that queue up while
/// one runs share its `COMMIT`.
///
/// With `synchronous=FULL` every `COMMIT` waits for the disk (about 200 µs here), more than a whole
/// case command takes otherwise. So the writer keeps one `BEGIN IMMEDIATE` open while callers are
/// waiting, runs each caller's body inside its own savepoint, and commits when nobody is left
/// waiting (or after `batchLimit` bodies or `ageLimit`). A body that throws rolls back to its savepoint and
/// leaves the others alone. No caller returns before the commit that holds its writes is on disk,
/// and if that commit fails every caller in the group gets the error, so an acknowledged write is
/// never lost and a failed one never half-written. One caller alone pays what it paid before.
final class SQLiteGroupCommit: Sendable {
    private struct State {
        var running = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var open = false
        var openedAt = ContinuousClock.now
        var done: [CheckedContinuation<Void, any Error>] = []
    }

    /// Bodies per commit at most, so that a steady stream of writers still reaches the disk.
    static let batchLimit = 64
    /// How long a group may hold the file's write lock. Another process sharing the file gets it
    /// only between groups; on a starved machine bodies crawl, and without this bound one group
    /// could keep the lock past the other's timeout.
    static let ageLimit = Duration.milliseconds(10)

    private let writer: SQLiteHandle
    private let pool: NIOThreadPool
    private let logger: Logger
    private let state = Mutex(State())

    init(writer: SQLiteHandle, pool: NIOThreadPool, logger: Logger) {
        self.writer = writer
        self.pool = pool
        self.logger = logger
    }

    /// Runs `body` in the open group (opening one if needed) and returns once it is committed.
    func run<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await acquire()
        do {
            if !state.withLock({ $0.open }) {
                try await begin()
                state.withLock {
                    $0.open = true
                    $0.openedAt = .now
                }
            }
        } catch {
            // BEGIN failed (another process kept the lock past `lockTimeout`): nothing is open.
            handOver()
            throw error
        }
        let outcome = await inSavepoint(body)
        if writer.isAutocommit {
            // SQLite rolled the whole transaction back (disk full, I/O error, RAISE(ROLLBACK)):
            // the group's earlier bodies are gone with it.
            let lost = SQLiteStatementError(
                code: 0, message: "the transaction was rolled back by SQLite", sql: "SAVEPOINT zt_tx")
            await finishGroup(commit: false, failure: outcome.failure ?? lost)
            throw outcome.failure ?? lost
        }
        if let failure = outcome.failure {
            // Its writes are rolled back to the savepoint: it need not wait for anyone's commit.
            if let next = queueForCommit() {
                next.resume()
            } else {
                await finishGroup(commit: state.withLock { !$0.done.isEmpty })
            }
            throw failure
        }
        if let next = queueForCommit() {
            // Someone is waiting: they carry the group on, and the last of it commits for us.
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                state.withLock { $0.done.append(continuation) }
                next.resume()
            }
            return try outcome.get()
        }
        if let failure = await finishGroup(commit: true) { throw failure }
        return try outcome.get()
    }

    private func inSavepoint<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async -> Result<
        T, any Error
    > {
        let sql = SQLiteDirectDatabase(handles: [writer], logger: logger)
        do {
            _ = try writer.execute("SAVEPOINT zt_tx", [])
            let value = try await body(sql)
            _ = try writer.execute("RELEASE zt_tx", [])
            return .success(value)
        } catch {
            do {
                _ = try writer.execute("ROLLBACK TO zt_tx", [])
                _ = try writer.execute("RELEASE zt_tx", [])
            } catch {
                logger.error("rollback to savepoint failed", metadata: ["error": "\(error)"])
            }
            return .failure(error)
        }
    }

    /// Takes the next waiter if the group may grow; the caller then parks until the commit.
    private func queueForCommit() -> CheckedContinuation<Void, Never>? {
        state.withLock { state in
            guard !state.waiting.isEmpty, state.done.count + 1 < Self.batchLimit,
                state.openedAt.duration(to: .now) < Self.ageLimit
            else { return nil }
            return state.waiting.removeFirst()
        }
    }

    /// Ends the open group with `COMMIT` (or `ROLLBACK`), wakes every body parked in it with the
    /// outcome, and lets the next caller in; returns the failure the parked bodies got, if any.
    @discardableResult
    private func finishGroup(commit: Bool, failure: (any Error)? = nil) async -> (any Error)? {
        var failure = failure
        if commit && failure == nil {
            do {
                try await blocking("COMMIT")
            } catch {
                logger.error("commit failed; the group is rolled back", metadata: ["error": "\(error)"])
                failure = error
            }
        }
        if !writer.isAutocommit {
            do { try await blocking("ROLLBACK") } catch {
                logger.error("rollback failed", metadata: ["error": "\(error)"])
            }
        }
        let done = state.withLock { state in
            state.open = false
            defer { state.done = [] }
            return state.done
        }
        for continuation in done {
            if let failure { continuation.resume(throwing: failure) } else { continuation.resume() }
        }
        handOver()
        return failure
    }

    /// Takes the file's write lock, waiting up to `lockTimeout` for another process that holds it.
    ///
    /// SQLite's own busy handler sleeps up to 100 ms between tries, and another process that
    /// commits groups back to back frees the lock for only some µs between them, so the handler
    /// could wait out its whole timeout without ever finding the lock free. Trying every
    /// millisecond finds those gaps.
    private func begin() async throws {
        let writer = writer
        try await onWriterThread {
            // A transaction left open by a failure above would make BEGIN fail for good.
            if !writer.isAutocommit { _ = try? writer.execute("ROLLBACK", []) }
            let deadline = ContinuousClock.now.advanced(by: Self.lockTimeout)
            while true {
                do {
                    _ = try writer.execute("BEGIN IMMEDIATE", [])
                    return
                } catch let error as SQLiteStatementError where error.isBusy && ContinuousClock.now < deadline {
                    usleep(1000)
                }
            }
        }
    }

    /// How long `begin` waits for another process's write lock.
    static let lockTimeout = Duration.seconds(10)

    /// `COMMIT` waits for the disk and `ROLLBACK` may too: neither may hold a cooperative thread.
    private func blocking(_ statement: String) async throws {
        let writer = writer
        try await onWriterThread { _ = try writer.execute(statement, []) }
    }

    /// Runs `work` on the writer's thread to its end, even if the calling task is cancelled:
    /// a `COMMIT` skipped for a cancelled caller would leave the transaction open for good.
    private func onWriterThread(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await pool.runIfActive(eventLoop: MultiThreadedEventLoopGroup.singleton.any(), work).get()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                if state.running {
                    state.waiting.append(continuation)
                    return false
                }
                state.running = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    private func handOver() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.running = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}

extension Result {
    /// The error, if this is a failure.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
