import Foundation
import Kernel
import Logging
import SQLKit
import Storage
import StorageTesting
import Synchronization
import Testing

@Suite("Outbox and subscribers")
struct OutboxTests {
    static let notes = [
        Migration(
            domain: "notes", version: 1, name: "tables",
            statements: [
                "CREATE TABLE n_notes (id {uuid} PRIMARY KEY, text TEXT NOT NULL)",
                "CREATE TABLE n_reactions (id {uuid} PRIMARY KEY, note_id TEXT NOT NULL)",
            ])
    ]
    static let logger = Logger(label: "test")
    struct Abort: Error {}

    /// A subscriber that writes one reaction row per event, in the delivery transaction.
    static func reactor(calls: Tally) -> EventSubscriber {
        EventSubscriber(name: "notes.reactor", eventTypes: ["notes.created"]) { event, tx in
            calls.increment()
            try await tx.sql.raw(
                "INSERT INTO n_reactions (id, note_id) VALUES (\(bind: UUID()), \(bind: event.aggregateID))"
            ).run()
        }
    }

    static func createNote(_ database: any Database, fail: Bool = false) async throws {
        let id = UUID()
        try await database.transaction { tx in
            try await tx.sql.raw("INSERT INTO n_notes (id, text) VALUES (\(bind: id), 'hello')").run()
            try await tx.publish(
                DomainEvent(
                    type: "notes.created", aggregateType: "note", aggregateID: id.uuidString, payload: "{}",
                    occurredAt: Date()))
            if fail { throw Abort() }
        }
    }

    static func count(_ table: String, _ database: any Database) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(
                column: "n", as: Int.self)
        }
    }

    @Test("an event commits with its change and reaches its subscriber once", arguments: TestDatabase.available)
    func delivered(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: Self.notes) { database in
            // setup
            let calls = Tally()
            let subscribers = [Self.reactor(calls: calls)]
            let queue = JobQueue(database: database, clock: SystemClock())
            let dispatcher = OutboxDispatcher(
                database: database, subscribers: subscribers, queue: queue, clock: SystemClock(), logger: Self.logger)
            let worker = JobWorker(
                queue: queue,
                handlers: StorageModule.manifest(subscribers: subscribers, database: database).jobHandlers,
                logger: Self.logger)
            // act
            try await Self.createNote(database)
            try? await Self.createNote(database, fail: true)
            let moved = try await dispatcher.dispatchBatch()
            let movedAgain = try await dispatcher.dispatchBatch()
            while try await worker.runBatch() > 0 {}
            // verify
            #expect(moved == 1)
            #expect(movedAgain == 0)
            #expect(try await Self.count("n_notes", database) == 1)
            #expect(try await Self.count("n_reactions", database) == 1)
            #expect(calls.value == 1)
        }
    }

    @Test("a second delivery of the same event changes nothing", arguments: TestDatabase.available)
    func idempotent(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: Self.notes) { database in
            // setup: deliver once
            let calls = Tally()
            let subscribers = [Self.reactor(calls: calls)]
            let queue = JobQueue(database: database, clock: SystemClock())
            let handlers = StorageModule.manifest(subscribers: subscribers, database: database).jobHandlers
            let worker = JobWorker(queue: queue, handlers: handlers, logger: Self.logger)
            try await Self.createNote(database)
            try await OutboxDispatcher(
                database: database, subscribers: subscribers, queue: queue, clock: SystemClock(), logger: Self.logger
            ).dispatchBatch()
            while try await worker.runBatch() > 0 {}
            // act: the same delivery job again, as after a crash between commit and completion
            let eventID = try await database.read { sql in
                try await sql.raw("SELECT id FROM zt_outbox").first()!.decode(column: "id", as: UUID.self)
            }
            try await queue.enqueue(
                kind: OutboxDispatcher.deliveryJobKind,
                payload: ["eventID": eventID.uuidString, "subscriber": "notes.reactor"])
            while try await worker.runBatch() > 0 {}
            // verify
            #expect(calls.value == 1)
            #expect(try await Self.count("n_reactions", database) == 1)
            #expect(try await queue.counts()[.dead] == 0)
        }
    }

    @Test("a failing subscriber is retried and its partial writes roll back", arguments: TestDatabase.available)
    func failingSubscriber(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: Self.notes) { database in
            let attempts = Tally()
            let flaky = EventSubscriber(name: "notes.flaky", eventTypes: ["notes.created"]) { event, tx in
                try await tx.sql.raw(
                    "INSERT INTO n_reactions (id, note_id) VALUES (\(bind: UUID()), \(bind: event.aggregateID))"
                ).run()
                let attempt = attempts.increment()
                if attempt == 1 { throw Abort() }
            }
            let clock = FixedClock(Date())
            let queue = JobQueue(database: database, clock: clock)
            let worker = JobWorker(
                queue: queue, handlers: StorageModule.manifest(subscribers: [flaky], database: database).jobHandlers,
                logger: Self.logger)
            try await Self.createNote(database)
            try await OutboxDispatcher(
                database: database, subscribers: [flaky], queue: queue, clock: clock, logger: Self.logger
            ).dispatchBatch()
            // act
            try await worker.runBatch()
            let afterFailure = try await Self.count("n_reactions", database)
            clock.advance(by: 3600)
            try await worker.runBatch()
            // verify
            #expect(afterFailure == 0)
            #expect(try await Self.count("n_reactions", database) == 1)
            #expect(attempts.value == 2)
        }
    }
}

/// A thread-safe counter that closures can share.
final class Tally: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    @discardableResult
    func increment() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
