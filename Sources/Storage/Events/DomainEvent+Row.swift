import Foundation
public import SQLKit

extension DomainEvent {
    /// The event of an outbox row selected with `id, event_type, aggregate_type, aggregate_id,
    /// payload, occurred_at`.
    public init(outboxRow row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: UUID.self),
            type: try row.decode(column: "event_type", as: String.self),
            aggregateType: try row.decode(column: "aggregate_type", as: String.self),
            aggregateID: try row.decode(column: "aggregate_id", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            occurredAt: try row.decode(column: "occurred_at", as: Date.self))
    }
}
