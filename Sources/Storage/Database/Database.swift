public import SQLKit

/// A database the platform stores its state in: SQLite or PostgreSQL behind one interface.
///
/// Reads may run concurrently; writes run inside `transaction`, which commits when the body
/// returns and rolls back when it throws.
public protocol Database: Sendable {
    /// The dialect, for the few statements that differ.
    var dialect: Dialect { get }

    /// Runs `body` with a connection for reading.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` in one write transaction.
    func transaction<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T

    /// Checks that the database answers.
    func ping() async throws

    /// Closes every connection.
    func close() async throws
}
