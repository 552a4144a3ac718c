import VaporCSQLite

/// A statement SQLite refused or failed, with its result code and message.
public struct SQLiteStatementError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY`…).
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The statement, without its bound values (they may be personal data).
    public let sql: String

    /// An error with the given parts.
    init(code: Int32, message: String, sql: String) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The connection's latest error.
    init(connection: OpaquePointer, sql: String) {
        self.init(
            code: sqlite_nio_sqlite3_extended_errcode(connection),
            message: String(cString: sqlite_nio_sqlite3_errmsg(connection)), sql: sql)
    }

    /// Whether another connection held the lock (`SQLITE_BUSY` and its extended codes).
    var isBusy: Bool { code & 0xff == SQLITE_BUSY }

    /// The message and the statement.
    public var description: String { "SQLite error \(code): \(message) — in \(sql)" }
}
