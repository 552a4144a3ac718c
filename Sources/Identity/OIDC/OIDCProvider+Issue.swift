import Foundation
import Kernel
import SQLKit
import Signing
import Storage

extension OIDCProvider {
    /// Stores a new access token (and refresh token, for clients with that grant) and signs the ID token.
    ///
    /// `key` is fetched before the transaction opens: creating a first key writes, and SQLite has one writer.
    func issue(_ grant: Grant, key: SigningKey, now: Date, in tx: Transaction) async throws -> TokenResponse {
        let accessToken = RandomToken.make()
        try await insertToken(
            accessToken, kind: "access", grant: grant, now: now, lifetime: lifetimes.accessToken, tx: tx)
        var refreshToken: String?
        if grant.personID != nil && grant.client.grantTypes.contains("refresh_token") {
            let token = RandomToken.make()
            try await insertToken(
                token, kind: "refresh", grant: grant, now: now, lifetime: lifetimes.refreshToken, tx: tx)
            refreshToken = token
        }
        var idToken: String?
        if let personID = grant.personID, grant.scope.split(separator: " ").contains("openid") {
            let digest = key.algorithm.digest(Array(accessToken.utf8))
            let claims = IDTokenClaims(
                iss: issuer.value, sub: subject(personID, for: grant.client.id), aud: grant.client.id,
                azp: grant.client.id, exp: Int(now.addingTimeInterval(lifetimes.idToken).timeIntervalSince1970),
                iat: Int(now.timeIntervalSince1970), authTime: Int((grant.authTime ?? now).timeIntervalSince1970),
                nonce: grant.nonce, acr: grant.acr, amr: grant.amr.split(separator: " ").map(String.init),
                sid: grant.sessionID?.uuidString ?? "", atHash: Base64URL.encode(digest.prefix(digest.count / 2)))
            idToken = try CompactJWS.sign(claims, with: key)
        }
        try await audit.append(
            Self.clientActor(grant.client.id).entry(
                action: "identity.oidc.token", objectType: "oidc-grant", objectID: grant.family.uuidString,
                changeDigest: grant.scope), in: tx)
        return TokenResponse(
            accessToken: accessToken, expiresIn: Int(lifetimes.accessToken), refreshToken: refreshToken,
            idToken: idToken, scope: grant.scope)
    }

    private func insertToken(
        _ token: String, kind: String, grant: Grant, now: Date, lifetime: TimeInterval, tx: Transaction
    ) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO idn_oidc_tokens (id, token_hash, kind, family_id, client_id, person_id, session_id, scope, acr,
                amr, auth_time, created_at, expires_at)
            VALUES (\(bind: UUID()), \(bind: Self.hash(token)), \(bind: kind), \(bind: grant.family),
                \(bind: grant.client.id), \(bind: grant.personID), \(bind: grant.sessionID), \(bind: grant.scope),
                \(bind: grant.acr), \(bind: grant.amr), \(bind: grant.authTime), \(bind: now),
                \(bind: now.addingTimeInterval(lifetime)))
            """
        ).run()
    }
}
