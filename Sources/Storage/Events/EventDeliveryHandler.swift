import Foundation
import SQLKit

/// Builds the job handler that runs one subscriber for one event, at most once in effect.
enum EventDeliveryHandler {
    static func make(subscribers: [EventSubscriber], database: any Database) -> JobHandler {
        let byName = Dictionary(subscribers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return JobHandler(kind: OutboxDispatcher.deliveryJobKind) { job in
            let delivery = try job.decode(EventDelivery.self)
            guard let subscriber = byName[delivery.subscriber] else {
                throw JobError.permanent("未注册的订阅者 \(delivery.subscriber)")
            }
            try await database.transaction { tx in
                guard let event = try await loadEvent(delivery.eventID, tx: tx) else {
                    throw JobError.permanent("事件 \(delivery.eventID) 不存在")
                }
                // The receipt and the reaction commit together: a duplicate delivery inserts
                // nothing and does nothing.
                let inserted = try await tx.sql.raw(
                    """
                    INSERT INTO zt_event_receipts (event_id, subscriber, handled_at)
                    VALUES (\(bind: event.id), \(bind: subscriber.name), \(bind: job.now))
                    ON CONFLICT DO NOTHING RETURNING event_id
                    """
                ).first()
                guard inserted != nil else { return }
                try await subscriber.handle(event, tx)
            }
        }
    }

    private static func loadEvent(_ id: UUID, tx: Transaction) async throws -> DomainEvent? {
        guard
            let row = try await tx.sql.raw(
                """
                SELECT id, event_type, aggregate_type, aggregate_id, payload, occurred_at
                FROM zt_outbox WHERE id = \(bind: id)
                """
            ).first()
        else { return nil }
        return try DomainEvent(outboxRow: row)
    }
}
