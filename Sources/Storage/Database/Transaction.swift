import Foundation
public import SQLKit

/// One open write transaction: the connection plus what the platform writes beside the change.
///
/// Domain events and audit entries are written through the same transaction as the state
/// change, so they commit or vanish together.
public struct Transaction: Sendable {
    /// The connection the transaction runs on.
    public let sql: any SQLDatabase
    /// The dialect of that connection.
    public let dialect: Dialect

    /// Wraps an open transaction.
    public init(sql: any SQLDatabase, dialect: Dialect) {
        self.sql = sql
        self.dialect = dialect
    }

    /// The clause that locks the rows a `SELECT` reads until this transaction ends (PostgreSQL only;
    /// SQLite has one writer anyway).
    public var forUpdate: String {
        dialect == .postgres ? " FOR UPDATE" : ""
    }

    /// The clause that makes a `SELECT` skip rows another transaction holds (PostgreSQL only).
    public var skipLocked: String {
        dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
    }
}
