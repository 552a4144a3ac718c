import Foundation
import SQLKit

/// Reads `msg_messages` rows.
enum MessageRow {
    static let columns = """
        id, channel, recipient_masked, template, title, body, urgent, status, attempts, provider_message_id,
        last_error, created_at, scheduled_at, updated_at
        """

    static func record(_ row: any SQLRow) throws -> MessageRecord {
        MessageRecord(
            id: try row.decode(column: "id", as: UUID.self),
            channel: MessageChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .inbox,
            recipientMasked: try row.decode(column: "recipient_masked", as: String.self),
            template: try row.decode(column: "template", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            urgent: try row.decode(column: "urgent", as: Int.self) != 0,
            status: MessageStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            attempts: try row.decode(column: "attempts", as: Int.self),
            providerMessageID: try row.decode(column: "provider_message_id", as: String?.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            scheduledAt: try row.decode(column: "scheduled_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
