import Foundation
import SQLKit
import Storage
import StorageTesting
import Testing

/// The SQLite writer of ADR 0012: statements called directly and transactions sharing a commit.
@Suite("SQLite writer")
struct SQLiteWriterTests {
    static let tables = [
        Migration(
            domain: "writer", version: 1, name: "tables",
            statements: [
                "CREATE TABLE w_rows (id {uuid} PRIMARY KEY, n INTEGER NOT NULL)",
                "CREATE TABLE w_values (id INTEGER PRIMARY KEY, t TEXT, b {blob}, i INTEGER, r REAL)",
            ])
    ]

    struct Boom: Error {}

    @Test("in a group, a throwing body loses only its own writes, and a returned one is already visible")
    func groupIsolation() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: Self.tables) { database in
            // act: 60 writers at once, so that they queue and share commits; every fifth one throws
            // after writing.
            let outcomes = try await withThrowingTaskGroup(of: (Int, UUID, Bool, Bool).self) { group in
                for index in 0..<60 {
                    group.addTask {
                        let id = UUID()
                        do {
                            try await database.transaction { tx in
                                try await tx.sql.raw("INSERT INTO w_rows (id, n) VALUES (\(bind: id), \(bind: index))")
                                    .run()
                                if index % 5 == 0 { throw Boom() }
                            }
                        } catch is Boom {
                            return (index, id, false, false)
                        }
                        // A reader is another connection: it sees the row only once it is committed.
                        let seen = try await database.read { sql in
                            try await sql.raw("SELECT n FROM w_rows WHERE id = \(bind: id)").first() != nil
                        }
                        return (index, id, true, seen)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // verify
            let stored = try await database.read { sql in
                try await sql.raw("SELECT n FROM w_rows ORDER BY n").all().map {
                    try $0.decode(column: "n", as: Int.self)
                }
            }
            #expect(stored == (0..<60).filter { $0 % 5 != 0 })
            let committed = outcomes.filter { $0.2 }
            let thrown = outcomes.filter { !$0.2 }.map { $0.0 }.sorted()
            #expect(committed.count == 48)
            #expect(committed.allSatisfy { $0.3 })
            #expect(thrown == Array(stride(from: 0, to: 60, by: 5)))
        }
    }

    @Test("values of every SQLite type come back as they went in, through kept statements")
    func valueRoundTrip() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: Self.tables) { database in
            // setup: text with a NUL and characters outside the BMP, an empty and a binary blob, the
            // extreme integers; the same insert text runs each time, so the kept statement is reused.
            let rows: [(Int, String?, Data?, Int?, Double?)] = [
                (1, "政通\u{0}𠀀😀", Data([0, 255, 1]), Int.max, -0.5),
                (2, "", Data(), Int.min, 1e300),
                (3, nil, nil, nil, nil),
            ]

            // act
            for (id, text, blob, integer, real) in rows {
                try await database.transaction { tx in
                    try await tx.sql.raw(
                        """
                        INSERT INTO w_values (id, t, b, i, r)
                        VALUES (\(bind: id), \(bind: text), \(bind: blob), \(bind: integer), \(bind: real))
                        """
                    ).run()
                }
            }
            let back = try await database.read { sql in
                try await sql.raw("SELECT id, t, b, i, r FROM w_values ORDER BY id").all()
            }

            // verify
            #expect(back.count == 3)
            for (row, expected) in zip(back, rows) {
                #expect(try row.decode(column: "t", as: String?.self) == expected.1)
                #expect(try row.decode(column: "b", as: Data?.self) == expected.2)
                #expect(try row.decode(column: "i", as: Int?.self) == expected.3)
                #expect(try row.decode(column: "r", as: Double?.self) == expected.4)
            }
            #expect(back[2].contains(column: "t") && !back[2].contains(column: "missing"))
            #expect(throws: (any Error).self) { try back[0].decode(column: "missing", as: Int.self) }
        }
    }

    @Test("more distinct statements than the cache keeps still run right")
    func cacheOverflow() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: Self.tables) { database in
            // act: 600 statement texts, past the 512 kept, then the first ones again.
            var sums: [Int] = []
            for round in 0..<2 {
                for n in 0..<600 where round == 0 || n < 20 {
                    let row = try await database.read { sql in
                        try await sql.raw("SELECT \(unsafeRaw: String(n)) + \(bind: 1) AS v").first()
                    }
                    sums.append(try row?.decode(column: "v", as: Int.self) ?? -1)
                }
            }

            // verify
            #expect(sums == Array(1...600) + Array(1...20))
        }
    }

    @Test("an error names the statement and SQLite's reason, and leaves the writer usable")
    func statementError() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: Self.tables) { database in
            // act
            let id = UUID()
            var message = ""
            do {
                try await database.transaction { tx in
                    try await tx.sql.raw("INSERT INTO w_rows (id, n) VALUES (\(bind: id), 1)").run()
                    try await tx.sql.raw("INSERT INTO w_rows (id, n) VALUES (\(bind: id), 2)").run()
                }
            } catch {
                message = "\(error)"
            }
            try await database.transaction { tx in
                try await tx.sql.raw("INSERT INTO w_rows (id, n) VALUES (\(bind: id), 3)").run()
            }
            let n = try await database.read { sql in
                try await sql.raw("SELECT n FROM w_rows WHERE id = \(bind: id)").first()?.decode(
                    column: "n", as: Int.self)
            }

            // verify
            #expect(message.contains("UNIQUE constraint failed: w_rows.id"))
            #expect(message.contains("INSERT INTO w_rows"))
            #expect(n == 3)
        }
    }
}

extension SQLiteWriterTests {
    @Test("a cancelled writer still commits, and the writer goes on")
    func cancelledWriter() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: Self.tables) { database in
            // act: the task is cancelled before its transaction, whose statements do not check for
            // cancellation; the commit at its end must still run.
            let id = UUID()
            let task = Task {
                try await database.transaction { tx in
                    try await tx.sql.raw("INSERT INTO w_rows (id, n) VALUES (\(bind: id), 1)").run()
                }
            }
            task.cancel()
            let cancelledOutcome = await task.result
            try await database.transaction { tx in
                try await tx.sql.raw("INSERT INTO w_rows (id, n) VALUES (\(bind: UUID()), 2)").run()
            }
            let stored = try await database.read { sql in
                try await sql.raw("SELECT n FROM w_rows ORDER BY n").all().map {
                    try $0.decode(column: "n", as: Int.self)
                }
            }

            // verify: the cancelled writer's row is there exactly when it reported success.
            switch cancelledOutcome {
            case .success: #expect(stored == [1, 2])
            case .failure: #expect(stored == [2])
            }
        }
    }

    @Test("a text with two statements is refused, not half run")
    func twoStatements() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: Self.tables) { database in
            // act
            var message = ""
            do {
                try await database.transaction { tx in
                    try await tx.sql.raw(
                        "INSERT INTO w_rows (id, n) VALUES (\(bind: UUID()), 1); DELETE FROM w_rows"
                    ).run()
                }
            } catch {
                message = "\(error)"
            }
            let count = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS c FROM w_rows").first()?.decode(column: "c", as: Int.self)
            }

            // verify
            #expect(message.contains("more than one statement"))
            #expect(count == 0)
        }
    }
}
