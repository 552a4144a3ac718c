import Foundation
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Migrator")
struct MigratorTests {
    static let widgets = [
        Migration(
            domain: "widgets", version: 1, name: "table",
            statements: ["CREATE TABLE w_items (id {uuid} PRIMARY KEY, name TEXT NOT NULL)"]),
        Migration(
            domain: "widgets", version: 2, name: "column", statements: ["ALTER TABLE w_items ADD COLUMN size INTEGER"]),
    ]

    @Test("applies each step once and records it", arguments: TestDatabase.available)
    func appliesOnce(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            // act
            let first = try await Migrator(database: database).migrate(Self.widgets)
            let second = try await Migrator(database: database).migrate(Self.widgets)
            // verify
            #expect(first.map(\.version) == [1, 2])
            #expect(second.isEmpty)
            let versions = try await Migrator(database: database).appliedVersions()
            #expect(versions.contains("widgets#1") && versions.contains("widgets#2"))
            try await database.transaction { tx in
                try await tx.sql.raw("INSERT INTO w_items (id, name, size) VALUES (\(bind: UUID()), 'a', 3)").run()
            }
        }
    }

    @Test("a failing step leaves no trace and is not recorded", arguments: TestDatabase.available)
    func failingStepRollsBack(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            // setup
            let broken = Migration(
                domain: "broken", version: 1, name: "half",
                statements: ["CREATE TABLE b_half (id INTEGER PRIMARY KEY)", "THIS IS NOT SQL"])
            // act
            await #expect(throws: StorageError.self) { try await Migrator(database: database).migrate([broken]) }
            // verify
            let versions = try await Migrator(database: database).appliedVersions()
            #expect(!versions.contains("broken#1"))
            await #expect(throws: (any Error).self) {
                try await database.read { try await $0.raw("SELECT id FROM b_half").run() }
            }
        }
    }

    @Test("two steps with one version are refused")
    func duplicateVersion() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let twice = [Self.widgets[0], Migration(domain: "widgets", version: 1, name: "again", statements: [])]
            await #expect(throws: StorageError.duplicateMigration(domain: "widgets", version: 1)) {
                try await Migrator(database: database).migrate(twice)
            }
        }
    }

    @Test("dialects render the portable types")
    func dialectTypes() {
        #expect(Dialect.sqlite.render("a {uuid}, b {timestamp}, c {blob}") == "a TEXT, b REAL, c BLOB")
        #expect(Dialect.postgres.render("a {uuid}, b {timestamp}, c {blob}") == "a UUID, b TIMESTAMPTZ, c BYTEA")
    }
}
