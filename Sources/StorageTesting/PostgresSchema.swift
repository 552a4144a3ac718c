import Foundation
import Logging
import SQLKit
import Storage

/// A throw-away PostgreSQL schema for one test, in the database at `ZT_TEST_POSTGRES_URL`.
public enum PostgresSchema {
    /// Creates a schema named `prefix` plus a random suffix, runs `body` with its name, and drops it.
    public static func withFresh<T: Sendable>(
        prefix: String = "t_", _ body: @Sendable (_ url: String, _ schema: String) async throws -> T
    ) async throws -> T {
        guard let url = TestDatabase.postgresURL else {
            throw StorageError.invalidDatabaseURL("ZT_TEST_POSTGRES_URL 未设置")
        }
        return try await TestSlots.postgres.withSlot { try await fresh(url: url, prefix: prefix, body) }
    }

    private static func fresh<T: Sendable>(
        url: String, prefix: String, _ body: @Sendable (_ url: String, _ schema: String) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let schema = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try PostgresStorage(url: url, maximumConnections: 2, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.client.run() }
            defer { group.cancelAll() }
            try await admin.transaction { try await $0.sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            let result: Result<T, any Error>
            do { result = .success(try await body(url, schema)) } catch { result = .failure(error) }
            try? await admin.transaction { try await $0.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
            return try result.get()
        }
    }
}
