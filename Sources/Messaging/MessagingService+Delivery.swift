import Foundation
import Kernel
import SQLKit
public import Storage

extension MessagingService {
    /// The job handler that delivers queued messages.
    public var deliveryHandler: JobHandler {
        JobHandler(kind: Self.deliveryJobKind) { job in
            let payload = try job.decode([String: String].self)
            guard let id = payload["messageID"].flatMap(UUID.init(uuidString:)) else {
                throw JobError.permanent("投递任务缺少消息编号")
            }
            try await deliver(id, job: job)
        }
    }

    /// Delivers one message; a message that already left is not sent again.
    func deliver(_ id: UUID, job: Job) async throws {
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    "SELECT channel, status, recipient_sealed, title, body FROM msg_messages WHERE id = \(bind: id)"
                ).first()
            })
        else { throw JobError.permanent("消息 \(id) 不存在") }
        guard try row.decode(column: "status", as: String.self) == MessageStatus.queued.rawValue else { return }
        let channel = MessageChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .inbox
        let recipient = try sealer.open(
            Array(try row.decode(column: "recipient_sealed", as: Data.self)), context: "msg_messages.recipient")
        let now = clock.now()
        switch channel {
        case .inbox:
            let title = try row.decode(column: "title", as: String.self)
            let body = try row.decode(column: "body", as: String.self)
            try await database.transaction { tx in
                try await tx.sql.raw(
                    """
                    INSERT INTO msg_inbox (id, account_id, message_id, title, body, created_at)
                    VALUES (\(bind: UUID()), \(bind: recipient), \(bind: id), \(bind: title), \(bind: body), \(bind: now))
                    """
                ).run()
                try await markSent(id, status: .delivered, providerID: "inbox", now: now, tx: tx)
            }
        case .sms:
            let text = try row.decode(column: "body", as: String.self)
            do {
                let providerID = try await sms.send(
                    OutgoingSMS(messageID: id.uuidString.lowercased(), phone: recipient, text: text))
                try await database.transaction { tx in
                    try await markSent(id, status: .sent, providerID: providerID, now: now, tx: tx)
                }
            } catch {
                try await recordFailure(id, error: error, job: job, now: now)
                if case SMSGatewayError.rejected = error { throw JobError.permanent(String(describing: error)) }
                throw error
            }
        }
    }

    private func markSent(_ id: UUID, status: MessageStatus, providerID: String, now: Date, tx: Transaction)
        async throws
    {
        try await tx.sql.raw(
            """
            UPDATE msg_messages SET status = \(bind: status.rawValue), provider_message_id = \(bind: providerID),
                attempts = attempts + 1, last_error = NULL, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = 'queued'
            """
        ).run()
    }

    private func recordFailure(_ id: UUID, error: any Error, job: Job, now: Date) async throws {
        var final = job.isLastAttempt
        if case SMSGatewayError.rejected = error { final = true }
        let status = final ? MessageStatus.failed : MessageStatus.queued
        let message = String(String(describing: error).prefix(500))
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                UPDATE msg_messages SET status = \(bind: status.rawValue), attempts = attempts + 1,
                    last_error = \(bind: message), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    /// Applies a gateway's delivery receipt to a sent message.
    ///
    /// Only `sent` moves, to `delivered` or `failed`: a repeated or replayed receipt finds the
    /// message already final and changes nothing (and audits nothing), and a late `failed` cannot
    /// undo a `delivered`.
    public func recordReceipt(providerMessageID: String, delivered: Bool, error: String?, by actor: Actor)
        async throws -> ReceiptOutcome
    {
        let now = clock.now()
        let status = delivered ? MessageStatus.delivered : MessageStatus.failed
        let digest = try audit.digest(of: ["providerMessageID": providerMessageID, "status": status.rawValue])
        return try await database.transaction { tx in
            if let row = try await tx.sql.raw(
                """
                UPDATE msg_messages SET status = \(bind: status.rawValue), last_error = \(bind: error),
                    updated_at = \(bind: now)
                WHERE provider_message_id = \(bind: providerMessageID) AND status = 'sent'
                RETURNING id
                """
            ).first() {
                let id = try row.decode(column: "id", as: UUID.self)
                try await audit.append(
                    actor.entry(
                        action: "messaging.receipt", objectType: "message", objectID: id.uuidString,
                        changeDigest: digest), in: tx)
                return .recorded
            }
            let known = try await tx.sql.raw(
                "SELECT id FROM msg_messages WHERE provider_message_id = \(bind: providerMessageID)"
            ).first()
            return known == nil ? .unknown : .alreadyFinal
        }
    }
}
