import Foundation
import Logging
import SQLKit
public import Storage

/// Databases for tests: a fresh SQLite file always, and a fresh PostgreSQL schema when
/// `ZT_TEST_POSTGRES_URL` is set, so every store test runs on both.
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A SQLite file in a new temporary folder.
    case sqlite
    /// A new schema in the database at `ZT_TEST_POSTGRES_URL`.
    case postgres

    /// The kinds available on this machine.
    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// The PostgreSQL URL for tests, if configured.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ZT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The name tests show.
    public var description: String { rawValue }

    /// Runs `body` with an empty database, migrated with the storage tables and `migrations`.
    public func withDatabase<T: Sendable>(
        migrations: [Migration] = [], _ body: @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await withDatabases(instances: 1, migrations: migrations) { try await body($0[0]) }
    }

    /// Runs `body` with `instances` independent handles on one fresh database, as separate server
    /// processes would hold: each has its own connections (and, for SQLite, its own write lock).
    public func withDatabases<T: Sendable>(
        instances: Int, migrations: [Migration]? = [], _ body: @Sendable ([any Database]) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let all = migrations.map { StorageMigrationsForTests.storage + $0 }
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zt-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("test.sqlite").path
            var databases: [any Database] = []
            for _ in 0..<instances { databases.append(try await SQLiteStorage.open(path: path, logger: logger)) }
            let handles = databases
            do {
                if let all { try await Migrator(database: handles[0]).migrate(all) }
                let result = try await body(handles)
                for database in handles { try await database.close() }
                return result
            } catch {
                for database in handles { try? await database.close() }
                throw error
            }
        case .postgres:
            let quiet = logger
            return try await PostgresSchema.withFresh { url, schema in
                var pools: [PostgresStorage] = []
                for _ in 0..<instances {
                    pools.append(
                        try PostgresStorage(url: url, searchPath: schema, maximumConnections: 4, logger: quiet))
                }
                let handles = pools
                return try await withThrowingTaskGroup(of: Void.self) { group in
                    for pool in handles { group.addTask { await pool.client.run() } }
                    defer { group.cancelAll() }
                    if let all { try await Migrator(database: handles[0]).migrate(all) }
                    return try await body(handles)
                }
            }
        }
    }
}

/// The storage layer's own migrations, which every test database needs.
private enum StorageMigrationsForTests {
    static var storage: [Migration] { StorageModule.migrations }
}
