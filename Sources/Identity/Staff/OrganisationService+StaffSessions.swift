import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// The live staff session a cookie token names, or nil when it is unknown, revoked, idle too
    /// long, expired, or its account has been disabled since.
    ///
    /// Use refreshes the idle clock, at most once a minute to spare the writer.
    public func staffSession(token: String) async throws -> StaffSessionInfo? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let now = clock.now()
        let hash = IdentityService.tokenHash(token)
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT t.id, t.staff_id, t.channel, t.client_address, t.user_agent, t.created_at, t.last_seen_at,
                        t.expires_at
                    FROM idn_staff_sessions t JOIN idn_staff s ON s.id = t.staff_id
                    WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND s.status = 'active'
                    """
                ).first()
            })
        else { return nil }
        var info = StaffSessionInfo(
            id: try row.decode(column: "id", as: UUID.self), staffID: try row.decode(column: "staff_id", as: UUID.self),
            channel: try row.decode(column: "channel", as: String.self),
            clientAddress: try row.decode(column: "client_address", as: String.self),
            userAgent: try row.decode(column: "user_agent", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self))
        guard info.expiresAt > now, now.timeIntervalSince(info.lastSeenAt) < sessions.idleTimeout else { return nil }
        if now.timeIntervalSince(info.lastSeenAt) >= 60 {
            let id = info.id
            try await database.transaction { tx in
                try await tx.sql.raw(
                    "UPDATE idn_staff_sessions SET last_seen_at = \(bind: now) WHERE id = \(bind: id)"
                ).run()
            }
            info.lastSeenAt = now
        }
        return info
    }

    /// Ends the staff session behind `token`; a second logout writes nothing.
    public func staffLogout(token: String, by staff: StaffActor) async throws {
        let now = clock.now()
        let hash = IdentityService.tokenHash(token)
        try await database.transaction { tx in
            if let row = try await tx.sql.raw(
                """
                UPDATE idn_staff_sessions SET revoked_at = \(bind: now)
                WHERE token_hash = \(bind: hash) AND revoked_at IS NULL RETURNING id
                """
            ).first() {
                try await audit.append(
                    staff.auditActor.entry(
                        action: "identity.staff-logout", objectType: "staff-session",
                        objectID: try row.decode(column: "id", as: UUID.self).uuidString, changeDigest: "-"), in: tx)
            }
        }
    }
}
