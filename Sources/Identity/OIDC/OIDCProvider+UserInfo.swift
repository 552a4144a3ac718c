public import Foundation
import Kernel
import SQLKit
public import Storage

extension OIDCProvider {
    /// The claims the access token's scopes allow; releasing a name or number in clear is audited.
    public func userInfo(accessToken: String, clientAddress: String) async throws -> UserInfo {
        let now = clock.now()
        guard let token = try await liveToken(accessToken, now: now), token.kind == "access",
            let personID = token.personID
        else {
            throw OIDCError("invalid_token", "访问令牌无效、已过期或已撤销。", status: 401)
        }
        guard
            let person = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT name_sealed, phone_sealed, id_number_sealed, real_name_level FROM idn_people
                    WHERE id = \(bind: personID)
                    """
                ).first()
            })
        else { throw OIDCError("invalid_token", "账号已不存在。", status: 401) }
        let scopes = Set(Self.scopeList(token.scope))
        func open(_ column: String, _ context: String) throws -> String {
            try sealer.open(Array(try person.decode(column: column, as: Data.self)), context: context)
        }
        var info = UserInfo(sub: subject(personID, for: token.clientID))
        if scopes.contains("profile") { info.name = try open("name_sealed", "idn_people.name") }
        if scopes.contains("phone") { info.phoneNumber = try open("phone_sealed", "idn_people.phone") }
        if scopes.contains("idcard") { info.idCardNumber = try open("id_number_sealed", "idn_people.id_number") }
        if scopes.contains("realname") {
            let level = try person.decode(column: "real_name_level", as: Int.self)
            info.realNameLevel = level
            info.acr = "L\(level)"
        }
        let released = scopes.intersection(["profile", "phone", "idcard"]).sorted()
        if !released.isEmpty {
            _ = try await database.transaction { tx in
                try await audit.append(
                    Self.clientActor(token.clientID, address: clientAddress).entry(
                        action: "identity.oidc.release", objectType: "person", objectID: personID.uuidString,
                        changeDigest: released.joined(separator: " ")), in: tx)
            }
        }
        return info
    }

    /// What a resource server may learn of a token; only confidential clients may ask.
    public func introspect(_ token: String, by client: OIDCClient) async throws -> Introspection {
        guard client.kind == .confidential else { throw OIDCError.invalidClient }
        guard let record = try await liveToken(token, now: clock.now()) else { return .inactive }
        return Introspection(
            active: true, scope: record.scope, clientID: record.clientID,
            sub: record.personID.map { subject($0, for: record.clientID) },
            exp: Int(record.expiresAt.timeIntervalSince1970), iat: Int(record.createdAt.timeIntervalSince1970),
            tokenType: record.kind == "access" ? "access_token" : "refresh_token",
            acr: record.acr.isEmpty ? nil : record.acr)
    }

    /// Revokes a token the client holds (RFC 7009); a refresh token takes its whole family with it.
    /// Unknown tokens are ignored, as the RFC requires.
    public func revoke(_ token: String, by client: OIDCClient) async throws {
        guard !token.isEmpty, token.count <= 128 else { return }
        let hash = Self.hash(token)
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT id, kind, family_id FROM idn_oidc_tokens
                    WHERE token_hash = \(bind: hash) AND client_id = \(bind: client.id)
                    """
                ).first()
            })
        else { return }
        if try row.decode(column: "kind", as: String.self) == "refresh" {
            try await revokeFamily(
                try row.decode(column: "family_id", as: UUID.self), reason: "identity.oidc.revoke", clientID: client.id)
            return
        }
        let id = try row.decode(column: "id", as: UUID.self)
        let now = clock.now()
        try await database.transaction { tx in
            try await tx.sql.raw(
                "UPDATE idn_oidc_tokens SET revoked_at = \(bind: now) WHERE id = \(bind: id) AND revoked_at IS NULL"
            ).run()
            try await audit.append(
                Self.clientActor(client.id).entry(
                    action: "identity.oidc.revoke", objectType: "oidc-token", objectID: id.uuidString,
                    changeDigest: "-"), in: tx)
        }
    }

    struct TokenRecord {
        var kind: String
        var clientID: String
        var personID: UUID?
        var scope: String
        var acr: String
        var createdAt: Date
        var expiresAt: Date
    }

    /// The token behind `token` if it is neither expired, revoked nor (for refresh tokens) spent.
    func liveToken(_ token: String, now: Date) async throws -> TokenRecord? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let hash = Self.hash(token)
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT kind, client_id, person_id, scope, acr, created_at, expires_at FROM idn_oidc_tokens
                    WHERE token_hash = \(bind: hash) AND revoked_at IS NULL AND used_at IS NULL
                        AND expires_at > \(bind: now)
                    """
                ).first()
            })
        else { return nil }
        return TokenRecord(
            kind: try row.decode(column: "kind", as: String.self),
            clientID: try row.decode(column: "client_id", as: String.self),
            personID: try row.decode(column: "person_id", as: UUID?.self),
            scope: try row.decode(column: "scope", as: String.self),
            acr: try row.decode(column: "acr", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self))
    }
}

/// What a live person access token lets its holder do: act for that person, within its scopes.
public struct BearerGrant: Sendable, Equatable {
    /// The person the token was issued for.
    public var personID: UUID
    /// The application holding it.
    public var clientID: String
    /// Its scopes.
    public var scopes: Set<String>
    /// The pairwise subject the application knows the person by.
    public var subject: String

    /// The actor for domain services: the person, through the application.
    public var actor: Actor {
        Actor(id: personID.uuidString, channel: "oidc:" + clientID, clientAddress: "-", roles: ["person"])
    }
}

extension OIDCProvider {
    /// The grant behind a person access token presented to the platform's own API, or nil.
    public func bearer(_ accessToken: String) async throws -> BearerGrant? {
        guard let token = try await liveToken(accessToken, now: clock.now()), token.kind == "access",
            let personID = token.personID
        else { return nil }
        return BearerGrant(
            personID: personID, clientID: token.clientID, scopes: Set(Self.scopeList(token.scope)),
            subject: subject(personID, for: token.clientID))
    }
}
