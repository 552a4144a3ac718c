import Foundation
import Kernel
import SQLKit
import Storage

extension IdentityService {
    /// How long a code lives, in minutes.
    static let codeMinutes = 5
    /// Wrong guesses allowed per code.
    static let codeAttempts = 5

    /// Sends a 6-digit login code to `phone` if an account has that number.
    ///
    /// The answer is the same whether or not the number is registered, so the form cannot be
    /// used to find out who has an account. At most one code a minute and ten a day per number.
    public func requestLoginCode(phone text: String, context: LoginContext) async throws {
        let phone = try Phone(text)
        guard let codeSender else {
            throw DomainError(
                .unavailable, code: "identity.no-sms", title: "暂不能发送验证码", detail: "本平台尚未开通短信验证码登录，请使用密码登录。")
        }
        let now = clock.now()
        let index = sealer.blindIndex(phone.digits, context: "idn_people.phone")
        let recent = try await database.read { sql in
            try await sql.raw(
                """
                SELECT created_at FROM idn_login_codes WHERE phone_index = \(bind: index)
                    AND created_at > \(bind: now.addingTimeInterval(-86_400)) ORDER BY created_at DESC
                """
            ).all().map { try $0.decode(column: "created_at", as: Date.self) }
        }
        if let last = recent.first, now.timeIntervalSince(last) < 60 {
            throw DomainError(
                .rateLimited, code: "identity.code-too-soon", title: "请稍后再试",
                detail: "验证码已发送，请查收短信；如未收到，请 1 分钟后再获取。")
        }
        if recent.count >= 10 {
            throw DomainError(
                .rateLimited, code: "identity.code-daily-limit", title: "今日获取次数已用完",
                detail: "同一手机号每天最多获取 10 次验证码，请明天再试或使用密码登录。")
        }
        let registered = try await database.read { sql in
            try await sql.raw("SELECT id FROM idn_people WHERE phone_index = \(bind: index)").first() != nil
        }
        // Unregistered numbers are recorded too (without a usable code), so the rate limits and the
        // time taken look the same to whoever is asking.
        let code = String(format: "%06d", Int.random(in: 0...999_999))
        let stored = registered ? Self.codeHash(code, index: index) : "-"
        let actor = Actor(id: "anonymous", channel: context.channel, clientAddress: context.clientAddress)
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_login_codes (id, phone_index, code_hash, attempts, created_at, expires_at)
                VALUES (\(bind: UUID()), \(bind: index), \(bind: stored), 0, \(bind: now),
                    \(bind: now.addingTimeInterval(TimeInterval(Self.codeMinutes * 60))))
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.login-code-requested", objectType: "account", objectID: String(index.prefix(16)),
                    changeDigest: "-"), in: tx)
        }
        if registered {
            try await codeSender.sendLoginCode(phone: phone.digits, code: code, minutes: Self.codeMinutes)
        }
    }

    /// Logs in with the newest unexpired code sent to `phone`; each code works once.
    public func loginWithCode(phone text: String, code: String, context: LoginContext) async throws -> IssuedSession {
        let phone = try Phone(text)
        let now = clock.now()
        let index = sealer.blindIndex(phone.digits, context: "idn_people.phone")
        let wrong = DomainError(
            .unauthenticated, code: "identity.bad-code", title: "验证码错误或已过期", detail: "请检查短信中的 6 位验证码，或重新获取。")
        let outcome: UUID? = try await database.transaction { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT id, code_hash, attempts FROM idn_login_codes
                    WHERE phone_index = \(bind: index) AND used_at IS NULL AND expires_at > \(bind: now)
                    ORDER BY created_at DESC LIMIT 1
                    """
                ).first()
            else { return nil }
            let id = try row.decode(column: "id", as: UUID.self)
            let attempts = try row.decode(column: "attempts", as: Int.self)
            let stored = try row.decode(column: "code_hash", as: String.self)
            let matches = attempts < Self.codeAttempts && Self.codeHash(code, index: index) == stored
            if matches {
                try await tx.sql.raw("UPDATE idn_login_codes SET used_at = \(bind: now) WHERE id = \(bind: id)").run()
                return id
            }
            try await tx.sql.raw("UPDATE idn_login_codes SET attempts = attempts + 1 WHERE id = \(bind: id)").run()
            return nil
        }
        guard outcome != nil,
            let person = try await database.read({ sql in
                try await sql.raw("SELECT id FROM idn_people WHERE phone_index = \(bind: index)").first()
            })
        else { throw wrong }
        return try await openSession(
            for: try person.decode(column: "id", as: UUID.self), context: context, now: now, method: "sms"
        ) {
            _ in
        }
    }

    static func codeHash(_ code: String, index: String) -> String {
        HashAlgorithm.sm3.hexDigest(index + code)
    }
}
