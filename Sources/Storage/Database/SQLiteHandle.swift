import NIOCore
import SQLiteNIO
import Synchronization
import VaporCSQLite

/// One SQLite connection called directly, with its prepared statements kept for reuse.
///
/// SQLiteNIO runs every statement on a thread pool and resumes the caller through an event loop:
/// two thread hand-offs of 30–50 µs each around a statement that itself takes a few µs. A case
/// command runs about twenty statements, so the hand-offs were most of its time (ADR 0012). Here
/// a statement runs on the calling thread under a mutex, and a statement seen before is not
/// compiled again. Only what may wait on the disk or on another process (`BEGIN IMMEDIATE`,
/// `COMMIT`) is sent to a thread pool by the caller, so that no cooperative thread sleeps in it.
///
/// The SQLite library is the one SQLiteNIO compiles in (`VaporCSQLite`); the platform links no
/// second copy.
final class SQLiteHandle: Sendable {
    /// The rows a statement returned, with the names of its columns.
    struct Result {
        /// The result columns, in order.
        var columns: [String] = []
        /// Each row's values, in column order.
        var rows: [[SQLiteData]] = []
    }

    private struct State: ~Copyable {
        var connection: OpaquePointer?
        var statements: [String: OpaquePointer] = [:]
    }

    /// Statements kept per connection; past this the cache is emptied, as texts that vary (long
    /// `IN` lists) would otherwise grow it without bound.
    private static let cacheLimit = 512

    private let state: Mutex<State>
    /// The file, for error messages.
    let path: String

    /// Opens (creating if needed) the database file; the caller sets the pragmas.
    init(path: String, readOnly: Bool = false) throws {
        var connection: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(connection)
            throw SQLiteStatementError(code: status, message: message, sql: "open \(path)")
        }
        sqlite_nio_sqlite3_extended_result_codes(connection, 1)
        self.path = path
        self.state = Mutex(State(connection: connection))
    }

    /// Runs one statement to its end and returns every row it produced.
    func execute(_ sql: String, _ binds: [SQLiteData]) throws -> Result {
        try state.withLock { state in try Self.run(sql, binds, in: &state) }
    }

    /// `execute`, unless another thread is using the connection; then nil at once.
    func executeIfIdle(_ sql: String, _ binds: [SQLiteData]) throws -> Result? {
        try state.withLockIfAvailable { state in try Self.run(sql, binds, in: &state) }
    }

    /// Whether no transaction is open: SQLite rolls one back by itself on some errors.
    var isAutocommit: Bool {
        state.withLock { state in state.connection.map { sqlite_nio_sqlite3_get_autocommit($0) != 0 } ?? true }
    }

    private static func run(_ sql: String, _ binds: [SQLiteData], in state: inout State) throws -> Result {
        guard let connection = state.connection else {
            throw SQLiteStatementError(code: SQLITE_MISUSE, message: "connection closed", sql: sql)
        }
        let statement = try prepared(sql, connection: connection, cache: &state.statements)
        // No sqlite3_clear_bindings: every bind is set again before the next step (bind checks
        // the count), and clearing would make SQLite compile a statement again whose plan
        // depends on a bound value.
        defer { sqlite_nio_sqlite3_reset(statement) }
        try bind(binds, to: statement, connection: connection, sql: sql)
        return try step(statement, connection: connection, sql: sql)
    }

    /// Finalises every kept statement and closes the connection.
    func close() {
        state.withLock { state in
            for statement in state.statements.values { sqlite_nio_sqlite3_finalize(statement) }
            state.statements = [:]
            sqlite_nio_sqlite3_close_v2(state.connection)
            state.connection = nil
        }
    }

    deinit { close() }

    private static func prepared(
        _ sql: String, connection: OpaquePointer, cache: inout [String: OpaquePointer]
    ) throws -> OpaquePointer {
        if let statement = cache[sql] { return statement }
        var statement: OpaquePointer?
        let rest = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let status = sqlite_nio_sqlite3_prepare_v3(
                connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            return status == SQLITE_OK ? tail.map { String(cString: $0) } ?? "" : nil
        }
        guard let rest, let statement else {
            throw SQLiteStatementError(connection: connection, sql: sql)
        }
        // SQLite compiles only the first statement of a text; a second one would silently not run.
        guard rest.allSatisfy(\.isWhitespace) else {
            sqlite_nio_sqlite3_finalize(statement)
            throw SQLiteStatementError(code: SQLITE_MISUSE, message: "more than one statement in one text", sql: sql)
        }
        if cache.count >= cacheLimit {
            for old in cache.values { sqlite_nio_sqlite3_finalize(old) }
            cache = [:]
        }
        cache[sql] = statement
        return statement
    }

    private static func bind(_ binds: [SQLiteData], to statement: OpaquePointer, connection: OpaquePointer, sql: String)
        throws
    {
        // A kept statement keeps its last values: a missing bind would silently reuse one.
        guard sqlite_nio_sqlite3_bind_parameter_count(statement) == Int32(binds.count) else {
            throw SQLiteStatementError(
                code: SQLITE_RANGE, message: "\(binds.count) values for a statement with other parameters", sql: sql)
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let integer): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
            case .float(let double): status = sqlite_nio_sqlite3_bind_double(statement, index, double)
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
            case .text(let text):
                var text = text
                status = text.withUTF8 {
                    sqlite_nio_sqlite3_bind_text64(
                        statement, index, $0.baseAddress, UInt64($0.count), transient, UInt8(SQLITE_UTF8))
                }
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
                }
            }
            guard status == SQLITE_OK else { throw SQLiteStatementError(connection: connection, sql: sql) }
        }
    }

    private static func step(_ statement: OpaquePointer, connection: OpaquePointer, sql: String) throws -> Result {
        var result = Result()
        var count: Int32 = 0
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return result }
            guard status == SQLITE_ROW else {
                throw SQLiteStatementError(connection: connection, sql: sql)
            }
            if result.rows.isEmpty {
                // Read after the first step: a statement recompiled for a changed schema (another
                // instance's migration) may have other columns than when it was kept.
                count = sqlite_nio_sqlite3_column_count(statement)
                result.columns = (0..<count).map { column in
                    sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? "?"
                }
            }
            result.rows.append((0..<count).map { value(statement, column: $0) })
        }
    }

    private static func value(_ statement: OpaquePointer, column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// SQLite copies a value bound with this destructor, so the Swift buffer may go away at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
