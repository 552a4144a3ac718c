public import Foundation
import Kernel
import SQLKit
public import Storage

extension OIDCProvider {
    /// The applications `personID` has authorised; only the person may list them.
    public func authorisations(of personID: UUID, by actor: Actor) async throws -> [Authorisation] {
        try Self.requireSelf(personID, actor)
        return try await database.read { sql in
            try await sql.raw(
                """
                SELECT c.client_id, k.name, c.scope, c.granted_at FROM idn_oidc_consents c
                JOIN idn_oidc_clients k ON k.id = c.client_id
                WHERE c.person_id = \(bind: personID) AND c.revoked_at IS NULL
                ORDER BY c.granted_at DESC
                """
            ).all()
        }.map { row in
            Authorisation(
                clientID: try row.decode(column: "client_id", as: String.self),
                clientName: try row.decode(column: "name", as: String.self),
                scopes: Self.scopeList(try row.decode(column: "scope", as: String.self)),
                grantedAt: try row.decode(column: "granted_at", as: Date.self))
        }
    }

    /// Withdraws an authorisation: the consent ends and every token the application holds for the
    /// person is revoked, so the next login asks again.
    public func revokeAuthorisation(person personID: UUID, client clientID: String, by actor: Actor) async throws {
        try Self.requireSelf(personID, actor)
        guard Self.isClientID(clientID) else {
            throw DomainError(.notFound, code: "oidc.no-authorisation", title: "授权不存在", detail: "没有找到对该应用的授权，可能已取消。")
        }
        let now = clock.now()
        try await database.transaction { tx in
            guard
                try await tx.sql.raw(
                    """
                    UPDATE idn_oidc_consents SET revoked_at = \(bind: now)
                    WHERE person_id = \(bind: personID) AND client_id = \(bind: clientID) AND revoked_at IS NULL
                    RETURNING client_id
                    """
                ).first() != nil
            else {
                throw DomainError(
                    .notFound, code: "oidc.no-authorisation", title: "授权不存在", detail: "没有找到对该应用的授权，可能已取消。")
            }
            try await tx.sql.raw(
                """
                UPDATE idn_oidc_tokens SET revoked_at = \(bind: now)
                WHERE person_id = \(bind: personID) AND client_id = \(bind: clientID) AND revoked_at IS NULL
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.oidc.consent-revoke", objectType: "oidc-client", objectID: clientID,
                    changeDigest: "-"), in: tx)
        }
    }

    /// Checks an RP-initiated logout request (OIDC RP-Initiated Logout 1.0 §2): the ID token hint
    /// must be ours (it may have expired), and the return address registered for the client.
    public func endSession(_ parameters: [String: String]) async throws -> EndSession {
        var clientID = parameters["client_id"]
        if let hint = parameters["id_token_hint"], !hint.isEmpty {
            guard let payload = CompactJWS.verifiedPayload(hint, keys: try await keys.publicKeys()),
                let claims = try? JSONDecoder().decode(IDTokenClaims.self, from: payload), claims.iss == issuer.value
            else { throw Self.logoutError("id_token_hint 不是本平台签发的 ID 令牌。") }
            if let clientID, clientID != claims.aud { throw Self.logoutError("client_id 与 id_token_hint 不一致。") }
            clientID = claims.aud
        }
        var client: OIDCClient?
        if let clientID { client = try await self.client(id: clientID) }
        guard let uri = parameters["post_logout_redirect_uri"], !uri.isEmpty else {
            return EndSession(clientName: client?.name, redirect: nil)
        }
        guard let client, !client.disabled, client.postLogoutRedirectURIs.contains(uri) else {
            throw Self.logoutError("退出后的跳转地址未在本平台登记。")
        }
        return EndSession(clientName: client.name, redirect: Self.redirect(uri, with: [("state", parameters["state"])]))
    }

    private static func logoutError(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "oidc.bad-logout", title: "退出请求无效", detail: detail)
    }

    static func requireSelf(_ personID: UUID, _ actor: Actor) throws {
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "oidc.forbidden", title: "无权操作", detail: "只能管理自己账号的授权。")
        }
    }
}
