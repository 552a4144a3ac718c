import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// How long the ticket between the password and the TOTP step lives, in minutes.
    static let challengeMinutes = 5
    /// Wrong codes allowed per ticket; the throttle counts them as well.
    static let challengeAttempts = 5

    /// Step one of a staff login: checks the username and password and returns a ticket for the
    /// TOTP step, with a new secret to enrol when the account has none yet.
    ///
    /// Failures are throttled per account (`staff:<id>`) and per client address
    /// (`staff-address:<address>`), apart from citizens' logins, and the answer is the same whether
    /// the username exists or the password is wrong.
    public func beginStaffLogin(username: String, password: String, context: LoginContext) async throws
        -> StaffLoginChallenge
    {
        let now = clock.now()
        // A name no account can have (control characters, a NUL that PostgreSQL refuses in text) is
        // looked up nowhere and throttled under one shared key.
        let typed = username.trimmingCharacters(in: .whitespaces).lowercased()
        let possible =
            (1...32).contains(typed.count)
            && typed.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }
        let name = possible ? typed : "<invalid>"
        let row = try await database.read { sql in
            possible
                ? try await sql.raw(
                    "SELECT id, password_hash, status, totp_enrolled FROM idn_staff WHERE username = \(bind: name)"
                ).first() : nil
        }
        let staffID = try row?.decode(column: "id", as: UUID.self)
        let keys = Self.throttleKeys(staffID.map(\.uuidString) ?? "?" + name, context)
        try await checkThrottle(keys, now: now)
        let storedHash = try row?.decode(column: "password_hash", as: String.self) ?? absentAccountHash
        // Verify even when there is no account, so timing does not reveal which usernames exist.
        let matches = hasher.verify(password, hash: storedHash) && staffID != nil
        guard matches, let staffID, let row else {
            try await recordLoginFailure(
                keys, object: staffID?.uuidString ?? "-", reason: "password", context, now: now)
            throw DomainError(
                .unauthenticated, code: "identity.bad-credentials", title: "用户名或密码错误",
                detail: "用户名（工号）或密码不正确，请检查后重试。连续输错多次将暂时锁定。")
        }
        guard try row.decode(column: "status", as: String.self) == StaffStatus.active.rawValue else {
            try await recordLoginFailure(keys, object: staffID.uuidString, reason: "disabled", context, now: now)
            throw Self.staffDisabled
        }
        let token = RandomToken.make()
        let expiresAt = now.addingTimeInterval(TimeInterval(Self.challengeMinutes * 60))
        var enrolment: TOTPEnrolment?
        var secretSealed: Data?
        if try row.decode(column: "totp_enrolled", as: Int.self) == 0 {
            // A new secret each time until one is confirmed: a secret shown and lost is never shown again.
            let totp = TOTP(secret: TOTP.randomSecret())
            enrolment = TOTPEnrolment(secret: Base32.encode(totp.secret), uri: totp.provisioningURI(account: name))
            secretSealed = Data(try sealer.seal(Base32.encode(totp.secret), context: "idn_staff.totp_secret"))
        }
        let sealed = secretSealed
        try await database.transaction { tx in
            if let sealed {
                try await tx.sql.raw(
                    """
                    UPDATE idn_staff SET totp_secret_sealed = \(bind: sealed), totp_last_step = NULL
                    WHERE id = \(bind: staffID) AND totp_enrolled = 0
                    """
                ).run()
            }
            try await tx.sql.raw(
                """
                INSERT INTO idn_staff_challenges (id, token_hash, staff_id, attempts, created_at, expires_at)
                VALUES (\(bind: UUID()), \(bind: IdentityService.tokenHash(token)), \(bind: staffID), 0, \(bind: now),
                    \(bind: expiresAt))
                """
            ).run()
        }
        return StaffLoginChallenge(token: token, expiresAt: expiresAt, enrolment: enrolment)
    }

    /// Step two: the ticket and a code from the authenticator open a staff session.
    ///
    /// The code's time step must be newer than the last one accepted for the account, so a code
    /// seen over someone's shoulder cannot be used again. A wrong or replayed code counts as a
    /// failed login; when the account was enrolling, the first good code confirms the secret.
    public func completeStaffLogin(challenge token: String, code: String, context: LoginContext) async throws
        -> IssuedStaffSession
    {
        let now = clock.now()
        guard !token.isEmpty, token.count <= 128,
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT c.id, c.staff_id, c.attempts, c.expires_at, c.used_at, s.status, s.totp_secret_sealed,
                        s.totp_enrolled, s.totp_last_step
                    FROM idn_staff_challenges c JOIN idn_staff s ON s.id = c.staff_id
                    WHERE c.token_hash = \(bind: IdentityService.tokenHash(token))
                    """
                ).first()
            }),
            try row.decode(column: "used_at", as: Date?.self) == nil,
            try row.decode(column: "expires_at", as: Date.self) > now,
            try row.decode(column: "attempts", as: Int.self) < Self.challengeAttempts,
            try row.decode(column: "status", as: String.self) == StaffStatus.active.rawValue,
            let sealed = try row.decode(column: "totp_secret_sealed", as: Data?.self)
        else { throw Self.challengeExpired }
        let challengeID = try row.decode(column: "id", as: UUID.self)
        let staffID = try row.decode(column: "staff_id", as: UUID.self)
        let enrolling = try row.decode(column: "totp_enrolled", as: Int.self) == 0
        let lastStep = try row.decode(column: "totp_last_step", as: Int64?.self)
        let keys = Self.throttleKeys(staffID.uuidString, context)
        try await checkThrottle(keys, now: now)
        let secret = Base32.decode(try sealer.open(Array(sealed), context: "idn_staff.totp_secret")) ?? []
        guard !secret.isEmpty else { throw Self.challengeExpired }
        if let step = TOTP(secret: secret).matchingStep(code, at: now), step > lastStep ?? Int64.min,
            let session = try await openStaffSession(
                staffID, step: step, challengeID: challengeID, enrolling: enrolling, keys: keys, context, now: now)
        {
            return session
        }
        try await database.transaction { tx in
            try await tx.sql.raw(
                "UPDATE idn_staff_challenges SET attempts = attempts + 1 WHERE id = \(bind: challengeID)"
            ).run()
        }
        try await recordLoginFailure(keys, object: staffID.uuidString, reason: "totp", context, now: now)
        throw DomainError(
            .unauthenticated, code: "identity.bad-totp", title: "动态码错误",
            detail: "动态码不正确或已使用过。请输入身份验证器中当前显示的 6 位动态码；每个动态码只能使用一次。")
    }

    /// Accepts the step and opens the session in one transaction; nil when a concurrent login took
    /// the same step first.
    private func openStaffSession(
        _ staffID: UUID, step: Int64, challengeID: UUID, enrolling: Bool, keys: [String], _ context: LoginContext,
        now: Date
    ) async throws -> IssuedStaffSession? {
        let token = RandomToken.make()
        let info = StaffSessionInfo(
            id: UUID(), staffID: staffID, channel: context.channel, clientAddress: context.clientAddress,
            userAgent: context.userAgent, createdAt: now, lastSeenAt: now,
            expiresAt: now.addingTimeInterval(sessions.absoluteTimeout))
        let actor = StaffActor(staffID: staffID, channel: context.channel, clientAddress: context.clientAddress)
        let opened: Bool = try await database.transaction { tx in
            let accepted = try await tx.sql.raw(
                """
                UPDATE idn_staff SET totp_last_step = \(bind: step), totp_enrolled = 1
                WHERE id = \(bind: staffID) AND status = 'active'
                    AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
                RETURNING id
                """
            ).first()
            guard accepted != nil else { return false }
            let claimed = try await tx.sql.raw(
                """
                UPDATE idn_staff_challenges SET used_at = \(bind: now)
                WHERE id = \(bind: challengeID) AND used_at IS NULL RETURNING id
                """
            ).first()
            guard claimed != nil else { throw Self.challengeExpired }
            try await tx.sql.raw(
                """
                INSERT INTO idn_staff_sessions (id, token_hash, staff_id, channel, client_address, user_agent,
                    created_at, last_seen_at, expires_at)
                VALUES (\(bind: info.id), \(bind: IdentityService.tokenHash(token)), \(bind: staffID),
                    \(bind: info.channel), \(bind: info.clientAddress), \(bind: info.userAgent), \(bind: now),
                    \(bind: now), \(bind: info.expiresAt))
                """
            ).run()
            // The account's failures end with a login; the address's only with time (see LoginThrottle).
            try await throttle.clear(keys[0], tx: tx)
            if enrolling {
                try await audit.append(
                    actor.auditActor.entry(
                        action: "identity.staff-totp-enrol", objectType: "staff", objectID: staffID.uuidString,
                        changeDigest: "-"), in: tx)
            }
            try await audit.append(
                actor.auditActor.entry(
                    action: "identity.staff-login", objectType: "staff-session", objectID: info.id.uuidString,
                    changeDigest: "-"), in: tx)
            return true
        }
        return opened ? IssuedStaffSession(token: token, info: info) : nil
    }

    static func throttleKeys(_ account: String, _ context: LoginContext) -> [String] {
        ["staff:" + account, "staff-address:" + context.clientAddress]
    }

    private func checkThrottle(_ keys: [String], now: Date) async throws {
        for key in keys {
            if let until = try await database.read({ try await throttle.lockedUntil(key, now: now, sql: $0) }) {
                let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
                throw DomainError(
                    .rateLimited, code: "identity.locked", title: "登录尝试过多",
                    detail: "密码或动态码错误次数过多，请 \(minutes) 分钟后再试；如忘记密码或更换了手机，请联系本单位管理员。")
            }
        }
    }

    private func recordLoginFailure(
        _ keys: [String], object: String, reason: String, _ context: LoginContext, now: Date
    ) async throws {
        try await database.transaction { tx in
            for key in keys { try await throttle.recordFailure(key, now: now, tx: tx) }
            try await audit.append(
                Actor(id: "anonymous", channel: context.channel, clientAddress: context.clientAddress).entry(
                    action: "identity.staff-login-failed", objectType: "staff", objectID: object,
                    changeDigest: reason), in: tx)
        }
    }

    static let staffDisabled = DomainError(
        .forbidden, code: "identity.staff-disabled", title: "账号已停用", detail: "您的工作人员账号已停用，不能登录。如有疑问，请联系本单位管理员。")

    static let challengeExpired = DomainError(
        .unauthenticated, code: "identity.challenge-expired", title: "登录已超时", detail: "登录步骤已超时或已使用，请重新输入用户名和密码。")
}
