import Foundation
import Kernel
import SQLKit
import Storage

extension OIDCProvider {
    /// The token endpoint: exchanges a code, rotates a refresh token, or serves a machine client.
    ///
    /// Protocol failures are thrown as `OIDCError`; anything else is a server fault.
    public func token(_ request: TokenRequest, clientAddress: String) async throws -> TokenResponse {
        let client = try await authenticate(request.credentials)
        switch request.grantType {
        case "authorization_code": return try await exchangeCode(request, client: client)
        case "refresh_token": return try await refresh(request, client: client, clientAddress: clientAddress)
        case "client_credentials": return try await clientCredentials(request, client: client)
        case "": throw OIDCError.invalidRequest("缺少 grant_type。")
        default: throw OIDCError("unsupported_grant_type", "不支持的 grant_type。")
        }
    }

    /// The client the credentials prove, or `invalid_client`.
    public func authenticate(_ credentials: ClientCredentials) async throws -> OIDCClient {
        let id = credentials.clientID
        guard Self.isClientID(id),
            let row = try await database.read({ sql in
                try await sql.raw("SELECT * FROM idn_oidc_clients WHERE id = \(bind: id)").first()
            })
        else { throw OIDCError.invalidClient }
        let client = try Self.client(row)
        guard !client.disabled else { throw OIDCError.invalidClient }
        switch client.kind {
        case .public:
            guard credentials.secret == nil else { throw OIDCError.invalidClient }
        case .confidential:
            let stored = try row.decode(column: "secret_hash", as: String?.self) ?? ""
            guard let secret = credentials.secret, secret.count <= 256,
                ConstantTimeText.equal(Self.hash(secret), stored)
            else { throw OIDCError.invalidClient }
        }
        return client
    }

    private func exchangeCode(_ request: TokenRequest, client: OIDCClient) async throws -> TokenResponse {
        guard client.grantTypes.contains("authorization_code") else {
            throw OIDCError("unauthorized_client", "该应用未登记授权码模式。")
        }
        guard let code = request.code, !code.isEmpty, code.count <= 128, let redirectURI = request.redirectURI else {
            throw OIDCError.invalidRequest("缺少 code 或 redirect_uri。")
        }
        let codeHash = Self.hash(code)
        guard
            let row = try await database.read({ sql in
                try await sql.raw("SELECT * FROM idn_oidc_codes WHERE code_hash = \(bind: codeHash)").first()
            })
        else { throw OIDCError.invalidGrant("授权码无效。") }
        let now = clock.now()
        if try row.decode(column: "used_at", as: Date?.self) != nil {
            // A code presented twice was stolen or replayed: what it bought is withdrawn (RFC 6749 §4.1.2).
            if let family = try row.decode(column: "family_id", as: UUID?.self) {
                try await revokeFamily(family, reason: "identity.oidc.code-reuse", clientID: client.id)
            }
            throw OIDCError.invalidGrant("授权码已使用。")
        }
        let problem: String? = try {
            if try row.decode(column: "client_id", as: String.self) != client.id { return "授权码不属于该应用。" }
            if try row.decode(column: "expires_at", as: Date.self) <= now { return "授权码已过期。" }
            if try row.decode(column: "redirect_uri", as: String.self) != redirectURI {
                return "redirect_uri 与授权请求不一致。"
            }
            if let challenge = try row.decode(column: "code_challenge", as: String?.self) {
                guard let verifier = request.codeVerifier, PKCE.matches(verifier: verifier, challenge: challenge) else {
                    return "code_verifier 不正确。"
                }
            } else if request.codeVerifier != nil {
                return "授权请求未使用 PKCE，不应提交 code_verifier。"
            }
            return nil
        }()
        let family = UUID()
        let key = try await keys.current(client.idTokenAlgorithm)
        return try await database.transaction { tx -> Result<TokenResponse, OIDCError> in
            guard
                try await tx.sql.raw(
                    """
                    UPDATE idn_oidc_codes SET used_at = \(bind: now), family_id = \(bind: family)
                    WHERE code_hash = \(bind: codeHash) AND used_at IS NULL RETURNING code_hash
                    """
                ).first() != nil
            else { throw OIDCError.invalidGrant("授权码已使用。") }
            if let problem {
                // The failed attempt still uses the code up, so it cannot be guessed at.
                return .failure(OIDCError.invalidGrant(problem))
            }
            let grant = Grant(
                client: client, personID: try row.decode(column: "person_id", as: UUID.self),
                sessionID: try row.decode(column: "session_id", as: UUID.self),
                scope: try row.decode(column: "scope", as: String.self),
                acr: try row.decode(column: "acr", as: String.self),
                amr: try row.decode(column: "amr", as: String.self),
                authTime: try row.decode(column: "auth_time", as: Date.self), family: family,
                nonce: try row.decode(column: "nonce", as: String?.self))
            return .success(try await issue(grant, key: key, now: now, in: tx))
        }.get()
    }

    private func refresh(_ request: TokenRequest, client: OIDCClient, clientAddress: String) async throws
        -> TokenResponse
    {
        guard client.grantTypes.contains("refresh_token") else {
            throw OIDCError("unauthorized_client", "该应用未登记 refresh_token 授权。")
        }
        guard let token = request.refreshToken, !token.isEmpty, token.count <= 128 else {
            throw OIDCError.invalidRequest("缺少 refresh_token。")
        }
        let tokenHash = Self.hash(token)
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    "SELECT * FROM idn_oidc_tokens WHERE token_hash = \(bind: tokenHash) AND kind = 'refresh'"
                ).first()
            }), try row.decode(column: "client_id", as: String.self) == client.id
        else { throw OIDCError.invalidGrant("refresh_token 无效。") }
        let now = clock.now()
        let id = try row.decode(column: "id", as: UUID.self)
        let family = try row.decode(column: "family_id", as: UUID.self)
        guard try row.decode(column: "revoked_at", as: Date?.self) == nil else {
            throw OIDCError.invalidGrant("refresh_token 已被撤销。")
        }
        guard try row.decode(column: "expires_at", as: Date.self) > now else {
            throw OIDCError.invalidGrant("refresh_token 已过期，请重新登录。")
        }
        let granted = Set(Self.scopeList(try row.decode(column: "scope", as: String.self)))
        let asked = request.scope.map { Self.scopeList($0) } ?? Array(granted)
        guard Set(asked).isSubset(of: granted) else { throw OIDCError("invalid_scope", "刷新时不能扩大授权范围。") }
        let key = try await keys.current(client.idTokenAlgorithm)
        let rotated: TokenResponse? = try await database.transaction { tx in
            // Rotation: the old token is spent exactly once, even when two requests race.
            guard
                try await tx.sql.raw(
                    """
                    UPDATE idn_oidc_tokens SET used_at = \(bind: now)
                    WHERE id = \(bind: id) AND used_at IS NULL AND revoked_at IS NULL RETURNING id
                    """
                ).first() != nil
            else { return nil }
            let grant = Grant(
                client: client, personID: try row.decode(column: "person_id", as: UUID?.self),
                sessionID: try row.decode(column: "session_id", as: UUID?.self),
                scope: asked.sorted().joined(separator: " "), acr: try row.decode(column: "acr", as: String.self),
                amr: try row.decode(column: "amr", as: String.self),
                authTime: try row.decode(column: "auth_time", as: Date?.self) ?? now, family: family, nonce: nil)
            return try await issue(grant, key: key, now: now, in: tx)
        }
        guard let rotated else {
            // A spent refresh token came back: one of the two holders is an attacker, and we cannot
            // tell which, so the whole family ends (RFC 9700 §4.14.2).
            try await revokeFamily(
                family, reason: "identity.oidc.refresh-reuse", clientID: client.id, address: clientAddress)
            throw OIDCError.invalidGrant("refresh_token 已使用过，为安全起见该授权已全部撤销，请重新登录。")
        }
        return rotated
    }

    private func clientCredentials(_ request: TokenRequest, client: OIDCClient) async throws -> TokenResponse {
        guard client.kind == .confidential, client.grantTypes.contains("client_credentials") else {
            throw OIDCError("unauthorized_client", "该应用未登记 client_credentials 授权。")
        }
        let allowed = client.scopes.filter(OIDCScope.isServiceScope)
        let asked = request.scope.map { Self.scopeList($0) } ?? allowed
        guard Set(asked).isSubset(of: Set(allowed)) else {
            throw OIDCError("invalid_scope", "请求的范围超出了该应用登记的服务范围。")
        }
        let now = clock.now()
        let grant = Grant(
            client: client, personID: nil, sessionID: nil, scope: asked.sorted().joined(separator: " "), acr: "",
            amr: "", authTime: nil, family: UUID(), nonce: nil)
        let key = try await keys.current(client.idTokenAlgorithm)
        return try await database.transaction { tx in try await issue(grant, key: key, now: now, in: tx) }
    }

    /// Revokes every token of a grant family and records why.
    func revokeFamily(_ family: UUID, reason: String, clientID: String, address: String = "-") async throws {
        let now = clock.now()
        try await database.transaction { tx in
            let rows = try await tx.sql.raw(
                """
                UPDATE idn_oidc_tokens SET revoked_at = \(bind: now)
                WHERE family_id = \(bind: family) AND revoked_at IS NULL RETURNING id
                """
            ).all()
            try await audit.append(
                Self.clientActor(clientID, address: address).entry(
                    action: reason, objectType: "oidc-grant", objectID: family.uuidString,
                    changeDigest: String(rows.count)), in: tx)
        }
    }
}
