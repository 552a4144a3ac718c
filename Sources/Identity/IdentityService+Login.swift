import Foundation
import Kernel
import SQLKit
import Storage

extension IdentityService {
    /// Logs in with a mobile number or 身份证号 and a password; returns a new session.
    ///
    /// The answer is the same whether the account exists or the password is wrong, and repeated
    /// failures lock the account and the client address with a growing delay.
    public func login(identifier: String, password: String, context: LoginContext) async throws -> IssuedSession {
        let now = clock.now()
        let trimmed = identifier.trimmingCharacters(in: .whitespaces).uppercased()
        let index =
            trimmed.count == 11
            ? sealer.blindIndex(trimmed, context: "idn_people.phone")
            : sealer.blindIndex(trimmed, context: "idn_people.id_number")
        let column = trimmed.count == 11 ? "phone_index" : "id_number_index"
        let accountKey = "account:" + index
        let addressKey = "address:" + context.clientAddress
        for key in [accountKey, addressKey] {
            if let until = try await database.read({ try await throttle.lockedUntil(key, now: now, sql: $0) }) {
                let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
                throw DomainError(
                    .rateLimited, code: "identity.locked", title: "登录尝试过多",
                    detail: "密码错误次数过多，请 \(minutes) 分钟后再试；忘记密码请携带身份证到政务服务窗口办理。")
            }
        }
        let row = try await database.read { sql in
            try await sql.raw(
                "SELECT id, password_hash FROM idn_people WHERE \(unsafeRaw: column) = \(bind: index)"
            ).first()
        }
        let personID = try row?.decode(column: "id", as: UUID.self)
        let storedHash = try row?.decode(column: "password_hash", as: String.self) ?? absentAccountHash
        // Verify even when there is no account, so timing does not reveal which numbers are registered.
        let matches = hasher.verify(password, hash: storedHash) && personID != nil
        guard matches, let personID else {
            try await database.transaction { tx in
                try await throttle.recordFailure(accountKey, now: now, tx: tx)
                try await throttle.recordFailure(addressKey, now: now, tx: tx)
                try await audit.append(
                    Actor(id: "anonymous", channel: context.channel, clientAddress: context.clientAddress).entry(
                        action: "identity.login-failed", objectType: "account", objectID: String(index.prefix(16)),
                        changeDigest: "-"), in: tx)
            }
            throw DomainError(
                .unauthenticated, code: "identity.bad-credentials", title: "账号或密码错误",
                detail: "手机号、身份证号或密码不正确，请检查后重试。连续输错多次将暂时锁定。")
        }
        return try await openSession(for: personID, context: context, now: now) { tx in
            try await throttle.clear(accountKey, tx: tx)
        }
    }

    /// Opens an account and signs it in at once (注册并登录).
    ///
    /// No second password check and no throttle: the person has just chosen the password, and a
    /// lock on their address caused by others' wrong passwords (a shared NAT) must not leave a new
    /// account created but without a session.
    public func registerAndSignIn(_ command: RegisterPerson, context: LoginContext) async throws -> (
        PersonProfile, IssuedSession
    ) {
        let person = try await register(command, context: context)
        let session = try await openSession(for: person.id, context: context, now: clock.now()) { _ in }
        return (person, session)
    }

    func openSession(
        for personID: UUID, context: LoginContext, now: Date, method: String = "pwd",
        alsoIn extra: @Sendable (Transaction) async throws -> Void
    ) async throws -> IssuedSession {
        let token = RandomToken.make()
        let info = SessionInfo(
            id: UUID(), personID: personID, channel: context.channel, clientAddress: context.clientAddress,
            userAgent: context.userAgent, createdAt: now, lastSeenAt: now,
            expiresAt: now.addingTimeInterval(sessions.absoluteTimeout), authMethod: method)
        let actor = Actor(id: personID.uuidString, channel: context.channel, clientAddress: context.clientAddress)
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_sessions (id, token_hash, person_id, channel, client_address, user_agent, created_at,
                    last_seen_at, expires_at, auth_method)
                VALUES (\(bind: info.id), \(bind: Self.tokenHash(token)), \(bind: personID), \(bind: info.channel),
                    \(bind: info.clientAddress), \(bind: info.userAgent), \(bind: now), \(bind: now), \(bind: info.expiresAt), \(bind: method))
                """
            ).run()
            try await extra(tx)
            try await audit.append(
                actor.entry(
                    action: "identity.login", objectType: "session", objectID: info.id.uuidString, changeDigest: "-"),
                in: tx)
        }
        return IssuedSession(token: token, info: info)
    }

    static func tokenHash(_ token: String) -> String {
        HashAlgorithm.sm3.hexDigest(token)
    }
}
