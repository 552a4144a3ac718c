import SQLKit

extension Transaction {
    /// Writes `event` to the outbox; it is delivered only if this transaction commits.
    public func publish(_ event: DomainEvent) async throws {
        try await sql.raw(
            """
            INSERT INTO zt_outbox (id, event_type, aggregate_type, aggregate_id, payload, occurred_at)
            VALUES (\(bind: event.id), \(bind: event.type), \(bind: event.aggregateType),
                    \(bind: event.aggregateID), \(bind: event.payload), \(bind: event.occurredAt))
            """
        ).run()
    }
}
