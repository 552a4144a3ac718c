public import Logging
import NIOPosix
public import SQLKit
import Synchronization

/// The embedded SQLite database: one file in WAL mode, one writer, a few readers.
///
/// Statements run on the calling thread (`SQLiteHandle`); write transactions commit in groups
/// (`SQLiteGroupCommit`). ADR 0012 says why.
public final class SQLiteStorage: Database {
    /// Always `.sqlite`.
    public let dialect = Dialect.sqlite
    /// The file the database lives in.
    public let path: String

    private let writer: SQLiteHandle
    private let readers: [SQLiteHandle]
    private let nextReader = Atomic<Int>(0)
    private let commits: SQLiteGroupCommit
    /// The writer's own thread, for what may block: opening, `BEGIN IMMEDIATE`, `COMMIT`, closing.
    private let pool: NIOThreadPool
    private let logger: Logger

    private init(path: String, writer: SQLiteHandle, readers: [SQLiteHandle], pool: NIOThreadPool, logger: Logger) {
        self.path = path
        self.writer = writer
        self.readers = readers
        self.pool = pool
        self.logger = logger
        self.commits = SQLiteGroupCommit(writer: writer, pool: pool, logger: logger)
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLiteStorage {
        // One thread: a shared pool could be filled by other instances' writers waiting on the file
        // lock, and then this one could not commit to let them in.
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        do {
            return try await openHandles(path: path, readers: readerCount, pool: pool, logger: logger)
        } catch {
            try? await pool.shutdownGracefully()
            throw error
        }
    }

    private static func openHandles(path: String, readers readerCount: Int, pool: NIOThreadPool, logger: Logger)
        async throws -> SQLiteStorage
    {
        try await pool.runIfActive {
            let writer = try SQLiteHandle(path: path)
            // WAL lets readers run beside the writer; FULL makes an acknowledged commit survive power loss.
            for pragma in [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                "PRAGMA busy_timeout=10000",
                // Each write transaction runs in a savepoint (SQLiteGroupCommit); in memory, its
                // sub-journal costs no system calls.
                "PRAGMA temp_store=MEMORY",
            ] {
                _ = try writer.execute(pragma, [])
            }
            // From here the writer waits for the lock in SQLiteGroupCommit.begin, not in SQLite.
            _ = try writer.execute("PRAGMA busy_timeout=0", [])
            let readers = try (0..<max(1, readerCount)).map { _ in
                let reader = try SQLiteHandle(path: path)
                for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"] {
                    _ = try reader.execute(pragma, [])
                }
                return reader
            }
            return SQLiteStorage(path: path, writer: writer, readers: readers, pool: pool, logger: logger)
        }
    }

    /// Runs `body` on one of the read connections.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).oldValue
        return try await body(SQLiteDirectDatabase(handles: readers, start: index, logger: logger))
    }

    /// Runs `body` in a write transaction, which may share its `COMMIT` with the transactions queued
    /// behind it; it returns once that commit is on disk.
    public func transaction<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        try await commits.run { sql in try await body(Transaction(sql: sql, dialect: .sqlite)) }
    }

    /// Runs a trivial query.
    public func ping() async throws {
        try await read { try await $0.raw("SELECT 1").run() }
    }

    /// Checkpoints the WAL and closes every connection.
    public func close() async throws {
        let writer = writer
        let readers = readers
        try await pool.runIfActive {
            // The writer waits for no lock by itself (SQLiteGroupCommit.begin); a checkpoint may.
            _ = try? writer.execute("PRAGMA busy_timeout=10000", [])
            _ = try? writer.execute("PRAGMA wal_checkpoint(TRUNCATE)", [])
            for reader in readers { reader.close() }
            writer.close()
        }
        try await pool.shutdownGracefully()
    }
}
