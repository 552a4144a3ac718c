public import Foundation
import Kernel
import SQLKit
public import Storage

extension IdentityService {
    /// The live session a cookie token names, or nil when it is unknown, revoked, idle too long or expired.
    ///
    /// Use refreshes the idle clock, at most once a minute to spare the writer.
    public func session(token: String) async throws -> SessionInfo? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let now = clock.now()
        let hash = Self.tokenHash(token)
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT id, person_id, channel, client_address, user_agent, created_at, last_seen_at, expires_at, auth_method
                    FROM idn_sessions WHERE token_hash = \(bind: hash) AND revoked_at IS NULL
                    """
                ).first()
            })
        else { return nil }
        var info = try Self.sessionInfo(row)
        guard info.expiresAt > now, now.timeIntervalSince(info.lastSeenAt) < sessions.idleTimeout else { return nil }
        if now.timeIntervalSince(info.lastSeenAt) >= 60 {
            let id = info.id
            try await database.transaction { tx in
                try await tx.sql.raw("UPDATE idn_sessions SET last_seen_at = \(bind: now) WHERE id = \(bind: id)").run()
            }
            info.lastSeenAt = now
        }
        return info
    }

    /// Ends the session behind `token`.
    public func logout(token: String, by actor: Actor) async throws {
        let now = clock.now()
        let hash = Self.tokenHash(token)
        try await database.transaction { tx in
            if let row = try await tx.sql.raw(
                "UPDATE idn_sessions SET revoked_at = \(bind: now) WHERE token_hash = \(bind: hash) AND revoked_at IS NULL RETURNING id"
            ).first() {
                try await audit.append(
                    actor.entry(
                        action: "identity.logout", objectType: "session",
                        objectID: try row.decode(column: "id", as: UUID.self).uuidString, changeDigest: "-"), in: tx)
            }
        }
    }

    /// Ends every session of the account (退出所有设备); only the account itself may.
    @discardableResult
    public func logoutEverywhere(personID: UUID, by actor: Actor) async throws -> Int {
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权操作", detail: "只能退出自己账号的登录。")
        }
        let now = clock.now()
        return try await database.transaction { tx in
            let rows = try await tx.sql.raw(
                """
                UPDATE idn_sessions SET revoked_at = \(bind: now)
                WHERE person_id = \(bind: personID) AND revoked_at IS NULL RETURNING id
                """
            ).all()
            // Tokens issued to applications through these sessions end with them.
            try await tx.sql.raw(
                "UPDATE idn_oidc_tokens SET revoked_at = \(bind: now) WHERE person_id = \(bind: personID) AND revoked_at IS NULL"
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.logout-everywhere", objectType: "person", objectID: personID.uuidString,
                    changeDigest: String(rows.count)), in: tx)
            return rows.count
        }
    }

    /// The account's live sessions, newest first; only the account itself may list them.
    public func sessions(of personID: UUID, by actor: Actor) async throws -> [SessionInfo] {
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权查看", detail: "只能查看自己账号的登录设备。")
        }
        let now = clock.now()
        let idleCutoff = now.addingTimeInterval(-sessions.idleTimeout)
        return try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, person_id, channel, client_address, user_agent, created_at, last_seen_at, expires_at, auth_method
                FROM idn_sessions
                WHERE person_id = \(bind: personID) AND revoked_at IS NULL AND expires_at > \(bind: now)
                    AND last_seen_at > \(bind: idleCutoff)
                ORDER BY created_at DESC
                """
            ).all()
        }.map(Self.sessionInfo)
    }

    static func sessionInfo(_ row: any SQLRow) throws -> SessionInfo {
        SessionInfo(
            id: try row.decode(column: "id", as: UUID.self),
            personID: try row.decode(column: "person_id", as: UUID.self),
            channel: try row.decode(column: "channel", as: String.self),
            clientAddress: try row.decode(column: "client_address", as: String.self),
            userAgent: try row.decode(column: "user_agent", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            authMethod: try row.decode(column: "auth_method", as: String.self))
    }
}
