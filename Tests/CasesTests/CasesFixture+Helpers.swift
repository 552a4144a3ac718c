import Cases
import CasesModel
import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import Testing

/// Expects `body` to fail with the domain error `code`.
func expectDomainError<T>(
    _ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async {
    do {
        _ = try await body()
        Issue.record("expected \(code), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        #expect(error.code == code, "\(error.title)：\(error.detail)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}

/// A queued job as `zt_jobs` holds it.
struct QueuedJob {
    var id: UUID
    var kind: String
    var payload: String
    var runAt: Date
}

extension CasesFixture {
    /// Registers another person and returns them acting from a computer.
    func registerApplicant(name: String, idNumber: String, phone: String) async throws -> CaseActor {
        let person = try await identity.register(
            RegisterPerson(name: name, idNumber: idNumber, phone: phone, password: "政通演示2026"),
            context: LoginContext(channel: "web", clientAddress: "192.0.2.11", userAgent: "test"))
        return .applicant(accountID: person.id, channel: .pc, clientAddress: "192.0.2.11")
    }

    /// The jobs of `kind` still waiting, oldest first.
    func queuedJobs(_ kind: String) async throws -> [QueuedJob] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, kind, payload, run_at FROM zt_jobs WHERE kind = \(bind: kind) AND state = 'ready'
                ORDER BY created_at, id
                """
            ).all()
        }.map { row in
            QueuedJob(
                id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                payload: try row.decode(column: "payload", as: String.self),
                runAt: try row.decode(column: "run_at", as: Date.self))
        }
    }

    /// Runs `job` through `handler` (or the service's handler of its kind), as a worker would now.
    func run(_ job: QueuedJob, with handler: JobHandler? = nil) async throws {
        let chosen = try #require(handler ?? service.jobHandlers.first { $0.kind == job.kind })
        try await chosen.run(
            Job(id: job.id, kind: job.kind, payload: job.payload, attempt: 1, maxAttempts: 8, now: clock.now()))
    }

    /// The open (or claimed) task of `step`.
    func openTask(_ caseID: UUID, step: String) async throws -> CaseTask {
        try #require(try await openTasks(caseID).first { $0.stepID == step })
    }

    /// Decides the open task of `step` as `username`.
    @discardableResult
    func decide(
        _ caseID: UUID, step: String, _ decision: TaskDecision = .approve, comment: String = "同意", as username: String
    ) async throws -> CaseRecord {
        let task = try await openTask(caseID, step: step)
        return try await service.decide(task.id, decision, comment: comment, by: staff(username))
    }

    /// An accepted food-permit case walked to the end: review, decide and conclude approved.
    func concludedFoodCase() async throws -> CaseRecord {
        let accepted = try await acceptedFoodCase()
        try await decide(accepted.id, step: "review", as: "scj-sp01")
        try await decide(accepted.id, step: "decide", as: "scj-sp02")
        return try await decide(accepted.id, step: "conclude", as: "scj-sp01")
    }

    /// The account id of a case actor who is an applicant.
    static func accountID(of actor: CaseActor) -> UUID? {
        if case .applicant(let id, _, _) = actor { id } else { nil }
    }
}

extension CalendarDay {
    /// A day of 2026.
    static func y2026(_ month: Int, _ day: Int) throws -> CalendarDay {
        try CalendarDay(year: 2026, month: month, day: day)
    }
}
