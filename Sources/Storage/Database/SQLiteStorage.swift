public import Logging
import NIOPosix
public import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The embedded SQLite database: one file in WAL mode, one writer, a few readers.
public final class SQLiteStorage: Database {
    /// Always `.sqlite`.
    public let dialect = Dialect.sqlite
    /// The file the database lives in.
    public let path: String

    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<Int>(0)
    private let writeLock = AsyncLock()
    private let logger: Logger

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.path = path
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLiteStorage {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        // WAL lets readers run beside the writer; FULL makes an acknowledged commit survive power loss.
        for pragma in [
            "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
            "PRAGMA busy_timeout=10000",
        ] {
            try await writer.sql().raw(SQLQueryString(pragma)).run()
        }
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA query_only=ON"] {
                try await reader.sql().raw(SQLQueryString(pragma)).run()
            }
            readers.append(reader)
        }
        return SQLiteStorage(path: path, writer: writer, readers: readers, logger: logger)
    }

    /// Runs `body` on one of the read connections.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).oldValue
        return try await body(readers[index % readers.count].sql())
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the single writer.
    public func transaction<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        try await writeLock.withLock {
            let sql = writer.sql()
            // IMMEDIATE takes the write lock up front; a deferred BEGIN that reads and then
            // writes fails with SQLITE_BUSY when another process wrote in between.
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(Transaction(sql: sql, dialect: .sqlite))
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await sql.raw("ROLLBACK").run()
                } catch {
                    logger.error("rollback failed", metadata: ["error": "\(error)"])
                }
                throw error
            }
        }
    }

    /// Runs a trivial query.
    public func ping() async throws {
        try await read { try await $0.raw("SELECT 1").run() }
    }

    /// Checkpoints the WAL and closes every connection.
    public func close() async throws {
        try? await writer.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}
