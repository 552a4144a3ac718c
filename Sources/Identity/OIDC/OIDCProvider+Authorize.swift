public import Foundation
import Kernel
import SQLKit
public import Storage

extension OIDCProvider {
    /// Checks an authorization request's parameters, client first and redirect URI second, so that
    /// nothing is ever sent to an unregistered address.
    public func validate(_ parameters: [String: String]) async throws(AuthorizationFailure) -> AuthorizationRequest {
        guard let clientID = parameters["client_id"], let client = try? await client(id: clientID), !client.disabled
        else {
            throw .page(title: "应用未登记", detail: "发起登录的应用未在本平台登记或已停用，请从应用的官方入口重新进入。")
        }
        guard let redirectURI = parameters["redirect_uri"], client.redirectURIs.contains(redirectURI) else {
            throw .page(title: "回调地址不匹配", detail: "应用提供的回调地址与登记的不一致，为保护您的账号，本次登录已停止。")
        }
        let state = parameters["state"]
        func fail(_ error: String, _ description: String) -> AuthorizationFailure {
            .redirect(OIDCError(error, description), redirectURI: redirectURI, state: state)
        }
        if let state, state.count > 512 { throw fail("invalid_request", "state 过长（最多 512 个字符）。") }
        if parameters["request"] != nil { throw fail("request_not_supported", "不支持 request 参数。") }
        if parameters["request_uri"] != nil { throw fail("request_uri_not_supported", "不支持 request_uri 参数。") }
        guard parameters["response_type"] == "code" else {
            throw fail("unsupported_response_type", "只支持 response_type=code（授权码模式）。")
        }
        guard client.grantTypes.contains("authorization_code") else {
            throw fail("unauthorized_client", "该应用未登记授权码模式。")
        }
        let scopes = Self.scopeList(parameters["scope"] ?? "")
        guard scopes.contains("openid") else { throw fail("invalid_scope", "scope 必须包含 openid。") }
        guard scopes.allSatisfy({ client.scopes.contains($0) && OIDCScope.personScopes.contains($0) }) else {
            throw fail("invalid_scope", "请求的授权范围超出了该应用登记的范围。")
        }
        let challenge = parameters["code_challenge"]
        if let challenge {
            guard parameters["code_challenge_method"] == "S256" else {
                throw fail("invalid_request", "code_challenge_method 必须是 S256。")
            }
            guard PKCE.isWellFormed(challenge) else { throw fail("invalid_request", "code_challenge 格式不正确。") }
        } else if client.kind == .public {
            throw fail("invalid_request", "公开客户端必须使用 PKCE（code_challenge 与 S256）。")
        }
        if let nonce = parameters["nonce"], nonce.count > 512 { throw fail("invalid_request", "nonce 过长。") }
        let prompt = Set((parameters["prompt"] ?? "").split(separator: " ").map(String.init))
        guard prompt.isSubset(of: ["none", "login", "consent"]), !(prompt.contains("none") && prompt.count > 1) else {
            throw fail("invalid_request", "prompt 只能是 none，或 login、consent 的组合。")
        }
        var maxAge: Int?
        if let text = parameters["max_age"] {
            guard let value = Int(text), value >= 0 else { throw fail("invalid_request", "max_age 应为非负整数。") }
            maxAge = value
        }
        // acr_values lists acceptable levels in order of preference; any of them satisfies the request.
        let levels = (parameters["acr_values"] ?? "").split(separator: " ").compactMap(AuthenticationContext.level)
        return AuthorizationRequest(
            client: client, redirectURI: redirectURI, scopes: scopes, state: state, nonce: parameters["nonce"],
            codeChallenge: challenge, requiredLevel: levels.min(), prompt: prompt, maxAge: maxAge,
            parameters: parameters)
    }

    /// The scopes `person` has already granted `clientID`.
    public func grantedScopes(person personID: UUID, client clientID: String) async throws -> Set<String> {
        guard Self.isClientID(clientID) else { return [] }
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT scope FROM idn_oidc_consents
                    WHERE person_id = \(bind: personID) AND client_id = \(bind: clientID) AND revoked_at IS NULL
                    """
                ).first()
            })
        else { return [] }
        return Set(Self.scopeList(try row.decode(column: "scope", as: String.self)))
    }

    /// Records consent (adding to what was granted before) and issues a code, in one transaction.
    ///
    /// `level` is the account's real-name level now; the caller has made sure it satisfies the request.
    public func approve(
        _ request: AuthorizationRequest, session: SessionInfo, level: RealNameLevel, by actor: Actor
    ) async throws -> URL {
        guard actor.id == session.personID.uuidString else {
            throw DomainError(.forbidden, code: "oidc.forbidden", title: "无权操作", detail: "只能为自己的账号授权。")
        }
        let code = RandomToken.make()
        let now = clock.now()
        let granted = try await grantedScopes(person: session.personID, client: request.client.id)
        let scope = granted.union(request.scopes).sorted().joined(separator: " ")
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                DELETE FROM idn_oidc_consents WHERE person_id = \(bind: session.personID) AND client_id = \(bind: request.client.id)
                """
            ).run()
            try await tx.sql.raw(
                """
                INSERT INTO idn_oidc_consents (person_id, client_id, scope, granted_at)
                VALUES (\(bind: session.personID), \(bind: request.client.id), \(bind: scope), \(bind: now))
                """
            ).run()
            try await tx.sql.raw(
                """
                INSERT INTO idn_oidc_codes (code_hash, client_id, person_id, session_id, redirect_uri, scope, nonce,
                    code_challenge, acr, amr, auth_time, expires_at)
                VALUES (\(bind: Self.hash(code)), \(bind: request.client.id), \(bind: session.personID), \(bind: session.id),
                    \(bind: request.redirectURI), \(bind: request.scopes.joined(separator: " ")), \(bind: request.nonce),
                    \(bind: request.codeChallenge), \(bind: AuthenticationContext.value(level)), \(bind: session.authMethod),
                    \(bind: session.createdAt), \(bind: now.addingTimeInterval(lifetimes.code)))
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.oidc.authorize", objectType: "oidc-client", objectID: request.client.id,
                    changeDigest: request.scopes.joined(separator: " ")), in: tx)
        }
        return Self.redirect(
            request.redirectURI, with: [("code", code), ("state", request.state), ("iss", issuer.value)])
    }

    /// `uri` with `parameters` added to its query (nil values left out).
    public static func redirect(_ uri: String, with parameters: [(String, String?)]) -> URL {
        var components = URLComponents(string: uri)!
        var items = components.queryItems ?? []
        for (name, value) in parameters { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        components.queryItems = items
        // URLComponents leaves + and other sub-delimiters alone; clients decode + as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.url!
    }

    static func scopeList(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }
}
