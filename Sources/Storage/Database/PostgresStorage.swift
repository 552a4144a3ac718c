public import Logging
import PostgresKit
public import PostgresNIO
public import SQLKit

/// PostgreSQL through PostgresNIO's connection pool; SQLKit runs on leased connections.
///
/// The pool is a `Service`: run it in the service group (or call `run()` in a task)
/// before the first query.
public final class PostgresStorage: Database {
    /// Always `.postgres`.
    public let dialect = Dialect.postgres
    /// The connection pool; add it to the service group.
    public let client: PostgresClient
    private let logger: Logger

    /// Creates the pool from a `postgres://user:password@host:port/database` URL.
    ///
    /// `searchPath` sets the schema for every connection; tests use it to give each test its own schema.
    /// `maximumConnections` caps the pool; many pools against one server (tests running in parallel,
    /// several instances) must together stay under the server's `max_connections`.
    public init(url: String, searchPath: String? = nil, maximumConnections: Int = 20, logger: Logger) throws {
        guard let configuration = try? SQLPostgresConfiguration(url: url) else {
            throw StorageError.invalidDatabaseURL(url)
        }
        let core = configuration.coreConfiguration
        var clientConfiguration: PostgresClient.Configuration
        if let host = core.host, let port = core.port {
            clientConfiguration = PostgresClient.Configuration(
                host: host, port: port, username: core.username, password: core.password,
                database: core.database, tls: .disable)
        } else if let socket = core.unixSocketPath {
            clientConfiguration = PostgresClient.Configuration(
                unixSocketPath: socket, username: core.username, password: core.password,
                database: core.database)
        } else {
            throw StorageError.invalidDatabaseURL(url)
        }
        clientConfiguration.options.maximumConnections = max(1, maximumConnections)
        clientConfiguration.options.minimumConnections = 0
        if let searchPath {
            clientConfiguration.options.additionalStartupParameters = [("search_path", searchPath)]
        }
        self.client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs `body` on a leased connection.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    /// Runs `body` between `BEGIN` and `COMMIT` on one leased connection.
    public func transaction<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let sql = connection.sql(queryLogLevel: nil)
            try await sql.raw("BEGIN").run()
            do {
                let result = try await body(Transaction(sql: sql, dialect: .postgres))
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Runs a trivial query.
    public func ping() async throws {
        try await read { try await $0.raw("SELECT 1").run() }
    }

    /// Nothing to do: the pool closes when its service stops.
    public func close() async throws {}
}
