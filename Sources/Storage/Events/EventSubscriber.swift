/// A reaction to domain events, registered at start-up.
///
/// The handler runs inside a transaction that also records a receipt for (event, subscriber);
/// a second delivery of the same event finds the receipt and is skipped, which is what makes
/// at-least-once delivery safe.
public struct EventSubscriber: Sendable {
    /// A stable name; part of the receipt key, so renaming a subscriber re-delivers old events.
    public var name: String
    /// The event types it wants.
    public var eventTypes: Set<String>
    /// The reaction, run in the receipt's transaction.
    public var handle: @Sendable (DomainEvent, Transaction) async throws -> Void

    /// Creates a subscriber.
    public init(
        name: String, eventTypes: Set<String>,
        handle: @escaping @Sendable (DomainEvent, Transaction) async throws -> Void
    ) {
        self.name = name
        self.eventTypes = eventTypes
        self.handle = handle
    }
}
