import Foundation
import Logging
import Server
import Storage
import StorageTesting

/// Builds platforms as `serve` does, on a data folder and a database that the test owns.
struct TestPlatform {
    /// The data folder: SQLite file, generated secrets.
    let dataDirectory: URL
    /// The PostgreSQL schema, when the kind is `.postgres`.
    let schema: String?
    /// The database kind.
    let kind: TestDatabase

    /// The configuration for one start; every start of a test shares folder and database.
    func configuration() -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.dataDirectory = dataDirectory.path
        configuration.port = 0
        configuration.pollMilliseconds = 20
        configuration.bcryptCost = 4
        if kind == .postgres, let url = TestDatabase.postgresURL {
            configuration.databaseURL = url
            configuration.databaseSearchPath = schema
            // Tests run side by side against one server; small pools keep them under max_connections.
            configuration.databasePoolSize = 6
        }
        return configuration
    }

    /// Runs `body` with a fresh data folder (and PostgreSQL schema), removed afterwards.
    static func with<T: Sendable>(_ kind: TestDatabase, _ body: @Sendable (TestPlatform) async throws -> T)
        async throws -> T
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zt-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard kind == .postgres else {
            return try await body(TestPlatform(dataDirectory: folder, schema: nil, kind: kind))
        }
        return try await PostgresSchema.withFresh(prefix: "srv_") { _, schema in
            try await body(TestPlatform(dataDirectory: folder, schema: schema, kind: kind))
        }
    }

    /// Starts a platform on `configuration`, runs `body` with its database pool up, and shuts it down.
    static func start<T: Sendable>(
        _ configuration: AppConfiguration, _ body: @Sendable (Platform) async throws -> T
    ) async throws -> T {
        let platform = try await Platform(configuration: configuration, logger: logger)
        do {
            let result = try await platform.withDatabase(body)
            try await platform.shutdown()
            return result
        } catch {
            try? await platform.shutdown()
            throw error
        }
    }

    /// Quiet unless something is badly wrong.
    static let logger: Logger = {
        var logger = Logger(label: "server-test")
        logger.logLevel = .critical
        return logger
    }()
}
