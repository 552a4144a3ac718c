import Foundation
public import Messaging
import SQLKit
public import Storage

extension EvaluationService {
    /// The job kind that delivers citizen notices.
    static let noticeJob = "evaluation.notify"

    /// Publishes a notice to `accountID` on the command's transaction, when there is an account.
    func notify(_ accountID: UUID?, title: String, content: String, tx: Transaction) async throws {
        guard let accountID else { return }
        try await tx.publish(
            try DomainEvent(
                type: CitizenNotice.eventType, aggregateType: "account", aggregateID: accountID.uuidString,
                value: CitizenNotice(accountID: accountID, title: title, content: content), occurredAt: clock.now()))
    }

    /// The account of the rater a ticket follows.
    func raterAccount(of ratingID: UUID, sql: any SQLDatabase) async throws -> UUID? {
        try await sql.raw("SELECT rater_account FROM eva_ratings WHERE id = \(bind: ratingID)").first()?
            .decode(column: "rater_account", as: UUID?.self)
    }

    /// The subscriber that turns each notice into a delivery job: sending runs in Messaging's own
    /// transaction after the event's, never inside it.
    public func noticeSubscriber(jobs: JobQueue) -> EventSubscriber {
        EventSubscriber(name: "evaluation.notice-to-job", eventTypes: [CitizenNotice.eventType]) { event, tx in
            let notice = try event.decode(CitizenNotice.self)
            _ = try await jobs.enqueue(kind: Self.noticeJob, payload: notice, in: tx)
        }
    }

    /// The job that puts a notice in the citizen's inbox.
    public func noticeHandler(messaging: MessagingService) -> JobHandler {
        JobHandler(kind: Self.noticeJob) { job in
            let notice = try job.decode(CitizenNotice.self)
            _ = try await messaging.send(
                SendMessage(
                    channel: .inbox, recipient: notice.accountID.uuidString, template: "platform.notice",
                    parameters: ["title": notice.title, "content": notice.content]), by: .system)
        }
    }
}
