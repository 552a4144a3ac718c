import Foundation
import SQLKit
public import Storage

extension Database {
    /// The outbox events of `type`, oldest first, as the dispatcher would hand them to subscribers;
    /// tests deliver them to a module's subscribers without running the dispatcher.
    public func outboxEvents(ofType type: String) async throws -> [DomainEvent] {
        try await read { sql in
            try await sql.raw(
                """
                SELECT id, event_type, aggregate_type, aggregate_id, payload, occurred_at FROM zt_outbox
                WHERE event_type = \(bind: type) ORDER BY occurred_at
                """
            ).all().map(DomainEvent.init(outboxRow:))
        }
    }
}
