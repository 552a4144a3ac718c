import Foundation
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Transactions")
struct TransactionTests {
    static let counter = [
        Migration(
            domain: "counter", version: 1, name: "table",
            statements: [
                "CREATE TABLE c_counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
                "INSERT INTO c_counter (id, n) VALUES (1, 0)",
                "CREATE TABLE c_rows (id {uuid} PRIMARY KEY, note TEXT NOT NULL)",
            ])
    ]

    struct Boom: Error {}

    @Test("a throwing body rolls everything back", arguments: TestDatabase.available)
    func rollback(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: Self.counter) { database in
            // act
            await #expect(throws: Boom.self) {
                try await database.transaction { tx in
                    try await tx.sql.raw("INSERT INTO c_rows (id, note) VALUES (\(bind: UUID()), 'half')").run()
                    try await tx.sql.raw("UPDATE c_counter SET n = n + 1").run()
                    throw Boom()
                }
            }
            // verify
            let rows = try await database.read { try await $0.raw("SELECT id FROM c_rows").all() }
            let n = try await Self.count(database)
            #expect(rows.isEmpty)
            #expect(n == 0)
        }
    }

    @Test("concurrent read-then-write transactions never lose an update", arguments: TestDatabase.available)
    func concurrentWrites(kind: TestDatabase) async throws {
        try await kind.withDatabases(instances: 2, migrations: Self.counter) { databases in
            // act: 200 increments that read, then write, spread over two independent instances
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    let database = databases[index % 2]
                    group.addTask {
                        try await database.transaction { tx in
                            let row = try await tx.sql.raw(
                                "SELECT n FROM c_counter WHERE id = 1\(unsafeRaw: tx.dialect == .postgres ? " FOR UPDATE" : "")"
                            ).first()
                            let n = try row!.decode(column: "n", as: Int.self)
                            try await tx.sql.raw("UPDATE c_counter SET n = \(bind: n + 1) WHERE id = 1").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            // verify
            #expect(try await Self.count(databases[0]) == 200)
        }
    }

    static func count(_ database: any Database) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT n FROM c_counter WHERE id = 1").first()!.decode(column: "n", as: Int.self)
        }
    }
}
