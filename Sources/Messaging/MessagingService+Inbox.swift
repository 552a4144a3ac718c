public import Foundation
import Kernel
import SQLKit
public import Storage

extension MessagingService {
    /// The newest entries of `accountID`'s inbox; only the account itself or an operator may read it.
    public func inbox(accountID: String, by actor: Actor, limit: Int = 50) async throws -> [InboxItem] {
        guard actor.id == accountID || actor.holdsAny(of: ["operator"]) else {
            throw DomainError(.forbidden, code: "messaging.inbox-forbidden", title: "无权查看", detail: "只能查看自己的站内信。")
        }
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, message_id, title, body, created_at, read_at FROM msg_inbox
                WHERE account_id = \(bind: accountID) ORDER BY created_at DESC LIMIT \(bind: min(max(limit, 1), 200))
                """
            ).all()
        }
        return try rows.map { row in
            InboxItem(
                id: try row.decode(column: "id", as: UUID.self),
                messageID: try row.decode(column: "message_id", as: UUID.self),
                title: try row.decode(column: "title", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                readAt: try row.decode(column: "read_at", as: Date?.self))
        }
    }

    /// Marks an inbox entry read; only its owner may.
    public func markRead(_ id: UUID, accountID: String, by actor: Actor) async throws {
        guard actor.id == accountID else {
            throw DomainError(.forbidden, code: "messaging.inbox-forbidden", title: "无权操作", detail: "只能处理自己的站内信。")
        }
        let now = clock.now()
        let updated = try await database.transaction { tx in
            let row = try await tx.sql.raw(
                """
                UPDATE msg_inbox SET read_at = \(bind: now)
                WHERE id = \(bind: id) AND account_id = \(bind: accountID) AND read_at IS NULL RETURNING id
                """
            ).first()
            if row != nil {
                try await audit.append(
                    actor.entry(
                        action: "messaging.read", objectType: "inbox", objectID: id.uuidString, changeDigest: "-"),
                    in: tx)
            }
            return row != nil
        }
        if !updated {
            throw DomainError(.notFound, code: "messaging.inbox-not-found", title: "站内信不存在", detail: "没有找到这条未读站内信。")
        }
    }
}
