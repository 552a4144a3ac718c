public import Foundation

/// Something that happened in a domain, written to the outbox with the change that caused it.
public struct DomainEvent: Sendable, Equatable, Codable {
    /// Unique id; subscribers use it to stay idempotent.
    public var id: UUID
    /// A dotted name such as `messaging.message-sent`.
    public var type: String
    /// The kind of object the event is about, such as `message`.
    public var aggregateType: String
    /// That object's id.
    public var aggregateID: String
    /// The event's data as JSON.
    public var payload: String
    /// When it happened.
    public var occurredAt: Date

    /// Creates an event with a JSON payload.
    public init(
        id: UUID = UUID(), type: String, aggregateType: String, aggregateID: String, payload: String,
        occurredAt: Date
    ) {
        self.id = id
        self.type = type
        self.aggregateType = aggregateType
        self.aggregateID = aggregateID
        self.payload = payload
        self.occurredAt = occurredAt
    }

    /// Creates an event whose payload is `value` encoded as JSON.
    public init(
        type: String, aggregateType: String, aggregateID: String, value: some Encodable, occurredAt: Date
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        self.init(
            type: type, aggregateType: aggregateType, aggregateID: aggregateID,
            payload: String(decoding: try encoder.encode(value), as: UTF8.self), occurredAt: occurredAt)
    }

    /// Decodes the payload as `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(payload.utf8))
    }
}
