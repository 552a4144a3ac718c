import Foundation
public import Kernel
import SQLKit

/// Applies each domain's migrations in order, each in its own transaction.
public struct Migrator: Sendable {
    private let database: any Database
    private let clock: any Clock

    /// Creates a migrator for `database`.
    public init(database: any Database, clock: any Clock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// Applies every migration not yet recorded; returns the ones it applied.
    @discardableResult
    public func migrate(_ migrations: [Migration]) async throws -> [Migration] {
        try checkUnique(migrations)
        try await createLedger()
        var applied: [Migration] = []
        // Domains run in the order given (the manifests' dependency order), each by version.
        var domainOrder: [String: Int] = [:]
        for migration in migrations where domainOrder[migration.domain] == nil {
            domainOrder[migration.domain] = domainOrder.count
        }
        let ordered = migrations.sorted {
            (domainOrder[$0.domain]!, $0.version) < (domainOrder[$1.domain]!, $1.version)
        }
        for migration in ordered {
            if try await apply(migration) { applied.append(migration) }
        }
        return applied
    }

    /// The (domain, version) pairs recorded as applied.
    public func appliedVersions() async throws -> Set<String> {
        try await createLedger()
        let rows = try await database.read { sql in
            try await sql.raw("SELECT domain, version FROM zt_migrations").all()
        }
        return Set(
            try rows.map {
                "\(try $0.decode(column: "domain", as: String.self))#\(try $0.decode(column: "version", as: Int.self))"
            })
    }

    private func checkUnique(_ migrations: [Migration]) throws {
        var seen = Set<String>()
        for migration in migrations where !seen.insert("\(migration.domain)#\(migration.version)").inserted {
            throw StorageError.duplicateMigration(domain: migration.domain, version: migration.version)
        }
    }

    private func createLedger() async throws {
        let dialect = database.dialect
        try await database.transaction { tx in
            try await tx.sql.raw(
                SQLQueryString(
                    dialect.render(
                        """
                        CREATE TABLE IF NOT EXISTS zt_migrations (
                            domain TEXT NOT NULL,
                            version INTEGER NOT NULL,
                            name TEXT NOT NULL,
                            applied_at {timestamp} NOT NULL,
                            PRIMARY KEY (domain, version)
                        )
                        """))
            ).run()
        }
    }

    /// Applies one migration unless it is recorded; the check and the change share a transaction.
    private func apply(_ migration: Migration) async throws -> Bool {
        let dialect = database.dialect
        let now = clock.now()
        do {
            return try await database.transaction { tx in
                if dialect == .postgres {
                    // Several instances may start at once; one migrates, the others wait and skip.
                    try await tx.sql.raw("SELECT pg_advisory_xact_lock(7283001)").run()
                }
                let existing = try await tx.sql.raw(
                    "SELECT 1 AS one FROM zt_migrations WHERE domain = \(bind: migration.domain) AND version = \(bind: migration.version)"
                ).first()
                if existing != nil { return false }
                for statement in migration.statements(for: dialect) {
                    try await tx.sql.raw(SQLQueryString(dialect.render(statement))).run()
                }
                try await tx.sql.raw(
                    """
                    INSERT INTO zt_migrations (domain, version, name, applied_at)
                    VALUES (\(bind: migration.domain), \(bind: migration.version), \(bind: migration.name), \(bind: now))
                    """
                ).run()
                return true
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError.migrationFailed(
                domain: migration.domain, version: migration.version, reason: String(describing: error))
        }
    }
}
