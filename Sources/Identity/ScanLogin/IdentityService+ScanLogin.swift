public import Foundation
import Kernel
import SQLKit
public import Storage

extension IdentityService {
    /// How long a QR code stays valid.
    static let scanLoginLifetime: TimeInterval = 120

    /// Makes a ticket for the QR code on a computer's login page.
    public func startScanLogin(context: LoginContext) async throws -> ScanLoginTicket {
        let now = clock.now()
        let ticket = ScanLoginTicket(
            id: UUID(), code: RandomToken.make(), browserSecret: RandomToken.make(),
            expiresAt: now.addingTimeInterval(Self.scanLoginLifetime))
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_scan_logins (id, code_hash, browser_hash, status, requester_address, requester_agent,
                    created_at, expires_at)
                VALUES (\(bind: ticket.id), \(bind: Self.tokenHash(ticket.code)), \(bind: Self.tokenHash(ticket.browserSecret)),
                    'pending', \(bind: context.clientAddress), \(bind: context.userAgent), \(bind: now), \(bind: ticket.expiresAt))
                """
            ).run()
        }
        return ticket
    }

    /// What the phone shows about the ticket behind `code`, or nil for an unknown code.
    public func scanLoginRequest(code: String) async throws -> ScanLoginRequest? {
        guard let row = try await scanRow(code: code) else { return nil }
        return ScanLoginRequest(
            requesterAddress: try row.decode(column: "requester_address", as: String.self),
            requesterAgent: try row.decode(column: "requester_agent", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            status: try Self.status(row, now: clock.now()))
    }

    /// The signed-in phone's answer: confirm signs the computer in as `personID`, decline ends the ticket.
    public func answerScanLogin(code: String, confirm: Bool, personID: UUID, by actor: Actor) async throws {
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权操作", detail: "只能用自己的账号确认登录。")
        }
        let now = clock.now()
        let hash = Self.tokenHash(code)
        try await database.transaction { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    UPDATE idn_scan_logins SET status = \(bind: confirm ? "confirmed" : "declined"),
                        person_id = \(bind: confirm ? personID : nil), decided_at = \(bind: now)
                    WHERE code_hash = \(bind: hash) AND status = 'pending' AND expires_at > \(bind: now) RETURNING id
                    """
                ).first()
            else {
                throw DomainError(
                    .conflict, code: "identity.scan-expired", title: "二维码已失效",
                    detail: "二维码已过期或已被使用，请在电脑上刷新二维码后重新扫描。")
            }
            try await audit.append(
                actor.entry(
                    action: confirm ? "identity.scan-login.confirm" : "identity.scan-login.decline",
                    objectType: "scan-login", objectID: try row.decode(column: "id", as: UUID.self).uuidString,
                    changeDigest: "-"), in: tx)
        }
    }

    /// Where the ticket stands, for the computer that holds its browser secret; nil when it does not.
    public func scanLoginStatus(id: UUID, browserSecret: String) async throws -> ScanLoginStatus? {
        guard let row = try await scanRow(id: id, browserSecret: browserSecret) else { return nil }
        return try Self.status(row, now: clock.now())
    }

    /// Opens the computer's session once the phone has confirmed; the ticket is spent exactly once.
    public func completeScanLogin(id: UUID, browserSecret: String, context: LoginContext) async throws
        -> IssuedSession
    {
        let now = clock.now()
        let browserHash = Self.tokenHash(browserSecret)
        let refused = DomainError(
            .conflict, code: "identity.scan-not-confirmed", title: "尚未确认",
            detail: "请先在已登录政通的手机上扫描二维码并确认登录。")
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT person_id FROM idn_scan_logins
                    WHERE id = \(bind: id) AND browser_hash = \(bind: browserHash) AND status = 'confirmed'
                        AND expires_at > \(bind: now)
                    """
                ).first()
            }), let personID = try row.decode(column: "person_id", as: UUID?.self)
        else { throw refused }
        return try await openSession(for: personID, context: context, now: now, method: "scan") { tx in
            guard
                try await tx.sql.raw(
                    """
                    UPDATE idn_scan_logins SET status = 'used', used_at = \(bind: now)
                    WHERE id = \(bind: id) AND status = 'confirmed' RETURNING id
                    """
                ).first() != nil
            else { throw refused }
        }
    }

    private func scanRow(code: String) async throws -> (any SQLRow)? {
        guard !code.isEmpty, code.count <= 128 else { return nil }
        let hash = Self.tokenHash(code)
        return try await database.read { sql in
            try await sql.raw("SELECT * FROM idn_scan_logins WHERE code_hash = \(bind: hash)").first()
        }
    }

    private func scanRow(id: UUID, browserSecret: String) async throws -> (any SQLRow)? {
        guard !browserSecret.isEmpty, browserSecret.count <= 128 else { return nil }
        let hash = Self.tokenHash(browserSecret)
        return try await database.read { sql in
            try await sql.raw(
                "SELECT * FROM idn_scan_logins WHERE id = \(bind: id) AND browser_hash = \(bind: hash)"
            ).first()
        }
    }

    private static func status(_ row: any SQLRow, now: Date) throws -> ScanLoginStatus {
        let status = ScanLoginStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .expired
        guard status == .pending || status == .confirmed else { return status }
        return try row.decode(column: "expires_at", as: Date.self) > now ? status : .expired
    }
}
