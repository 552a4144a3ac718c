import Evaluation
import Foundation
import Kernel
import Messaging
import SQLKit
import Storage
import StorageTesting
import Testing

/// A job waiting in the queue, as the reminder tests inspect it.
struct WaitingJob {
    var id: UUID
    var kind: String
    var payload: String
    var runAt: Date
}

extension EvaluationFixture {
    /// A messaging service on the fixture's database, clock and sealer, sending SMS nowhere.
    func messaging() -> MessagingService {
        MessagingService(
            database: database, queue: world.jobs, audit: world.audit,
            templates: MessageTemplates(MessageTemplates.builtIn),
            sealer: world.sealer, sms: DevelopmentSMSGateway(), clock: clock)
    }

    /// Runs the reminder subscriber on every `evaluation.deadline-started` event not yet handled
    /// here, as the dispatcher would; `handled` remembers the events already delivered.
    func deliverDeadlines(_ handled: inout Set<UUID>) async throws {
        let subscriber = service.reminderSubscriber(jobs: world.jobs)
        for event in try await database.outboxEvents(ofType: DeadlineStarted.eventType)
        where !handled.contains(event.id) {
            handled.insert(event.id)
            try await database.transaction { tx in try await subscriber.handle(event, tx) }
        }
    }

    /// The jobs of `kind` waiting in the queue, earliest first.
    func waitingJobs(_ kind: String) async throws -> [WaitingJob] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, kind, payload, run_at FROM zt_jobs WHERE kind = \(bind: kind) AND state = 'ready'
                ORDER BY run_at, created_at, id
                """
            ).all()
        }.map { row in
            WaitingJob(
                id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                payload: try row.decode(column: "payload", as: String.self),
                runAt: try row.decode(column: "run_at", as: Date.self))
        }
    }

    /// Runs `job` through the evaluation handler of its kind at the current clock, then marks it
    /// done, as a worker would.
    func run(_ job: WaitingJob, messaging: MessagingService) async throws {
        let handlers = service.reminderHandlers(jobs: world.jobs, messaging: messaging)
        let handler = try #require(handlers.first { $0.kind == job.kind }, "no handler for \(job.kind)")
        try await handler.run(
            Job(id: job.id, kind: job.kind, payload: job.payload, attempt: 1, maxAttempts: 8, now: clock.now()))
        try await database.transaction { tx in
            try await tx.sql.raw("UPDATE zt_jobs SET state = 'done' WHERE id = \(bind: job.id)").run()
        }
    }

    /// Runs every waiting text job, then returns the SMS messages sent so far, as
    /// (masked recipient, body), oldest first.
    func sendTexts(_ messaging: MessagingService) async throws -> [(recipient: String, body: String)] {
        for job in try await waitingJobs("evaluation.remind-staff") { try await run(job, messaging: messaging) }
        return try await messaging.recent(limit: 100).filter { $0.channel == .sms }.reversed().map {
            ($0.recipientMasked, $0.body)
        }
    }

    /// 09:00 in Shanghai on `day`.
    static func nineOClock(_ day: CalendarDay) -> Date { day.startDate.addingTimeInterval(9 * 3600) }
}
