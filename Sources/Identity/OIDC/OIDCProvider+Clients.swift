import Foundation
import Kernel
import SQLKit
import Signing
public import Storage

extension OIDCProvider {
    /// Registers an application; the secret of a confidential client is returned once.
    public func register(_ command: RegisterClient, by actor: Actor) async throws -> RegisteredClient {
        try Self.requireAdministrator(actor)
        try ClientRegistrationRules.check(command)
        let client = OIDCClient(
            id: "zt-" + RandomToken.make(byteCount: 12), name: command.name.trimmingCharacters(in: .whitespaces),
            kind: command.kind, redirectURIs: command.redirectURIs,
            postLogoutRedirectURIs: command.postLogoutRedirectURIs, scopes: command.scopes,
            grantTypes: command.grantTypes, idTokenAlgorithm: command.idTokenAlgorithm ?? .es256,
            createdAt: clock.now(), disabled: false)
        let secret = command.kind == .confidential ? RandomToken.make(byteCount: 32) : nil
        try await insert(client, secretHash: secret.map(Self.hash), by: actor)
        return RegisteredClient(client: client, secret: secret)
    }

    /// Registers a client with a chosen id and secret: demo seeds only.
    public func registerFixed(_ command: RegisterClient, id: String, secret: String?) async throws -> OIDCClient {
        try ClientRegistrationRules.check(command)
        let client = OIDCClient(
            id: id, name: command.name, kind: command.kind, redirectURIs: command.redirectURIs,
            postLogoutRedirectURIs: command.postLogoutRedirectURIs, scopes: command.scopes,
            grantTypes: command.grantTypes, idTokenAlgorithm: command.idTokenAlgorithm ?? .es256,
            createdAt: clock.now(), disabled: false)
        try await insert(client, secretHash: secret.map(Self.hash), by: .system)
        return client
    }

    private func insert(_ client: OIDCClient, secretHash: String?, by actor: Actor) async throws {
        let digest = try audit.digest(of: client)
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_oidc_clients (id, name, kind, secret_hash, redirect_uris, post_logout_redirect_uris,
                    scopes, grant_types, id_token_algorithm, created_at)
                VALUES (\(bind: client.id), \(bind: client.name), \(bind: client.kind.rawValue), \(bind: secretHash),
                    \(bind: Self.joined(client.redirectURIs)), \(bind: Self.joined(client.postLogoutRedirectURIs)),
                    \(bind: client.scopes.joined(separator: " ")), \(bind: client.grantTypes.joined(separator: " ")),
                    \(bind: client.idTokenAlgorithm.rawValue), \(bind: client.createdAt))
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.oidc.client-register", objectType: "oidc-client", objectID: client.id,
                    changeDigest: digest), in: tx)
        }
    }

    /// Every registered client, newest first (administrators only).
    public func clients(by actor: Actor) async throws -> [OIDCClient] {
        try Self.requireAdministrator(actor)
        return try await database.read { sql in
            try await sql.raw("SELECT * FROM idn_oidc_clients ORDER BY created_at DESC, id").all()
        }.map(Self.client)
    }

    /// One client by id, or nil.
    public func client(id: String) async throws -> OIDCClient? {
        guard Self.isClientID(id) else { return nil }
        return try await database.read { sql in
            try await sql.raw("SELECT * FROM idn_oidc_clients WHERE id = \(bind: id)").first()
        }.map(Self.client)
    }

    /// Disables a client: no new logins or tokens, and every token it holds is revoked.
    public func disable(clientID: String, by actor: Actor) async throws {
        try Self.requireAdministrator(actor)
        guard Self.isClientID(clientID) else {
            throw DomainError(.notFound, code: "oidc.no-client", title: "应用不存在", detail: "没有找到这个应用，或它已被停用。")
        }
        let now = clock.now()
        try await database.transaction { tx in
            guard
                try await tx.sql.raw(
                    "UPDATE idn_oidc_clients SET disabled_at = \(bind: now) WHERE id = \(bind: clientID) AND disabled_at IS NULL RETURNING id"
                ).first() != nil
            else {
                throw DomainError(.notFound, code: "oidc.no-client", title: "应用不存在", detail: "没有找到这个应用，或它已被停用。")
            }
            try await tx.sql.raw(
                "UPDATE idn_oidc_tokens SET revoked_at = \(bind: now) WHERE client_id = \(bind: clientID) AND revoked_at IS NULL"
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.oidc.client-disable", objectType: "oidc-client", objectID: clientID,
                    changeDigest: "-"), in: tx)
        }
    }

    /// Client administration is for platform operators (and, once staff roles land, their permission).
    static func requireAdministrator(_ actor: Actor) throws {
        guard actor.holdsAny(of: ["operator", "system", "oidc-clients.manage"]) else {
            throw DomainError(.forbidden, code: "oidc.forbidden", title: "无权操作", detail: "只有平台管理员可以管理接入应用。")
        }
    }

    static func joined(_ uris: [String]) -> String { uris.joined(separator: "\n") }

    static func client(_ row: any SQLRow) throws -> OIDCClient {
        func list(_ column: String, _ separator: Character) throws -> [String] {
            try row.decode(column: column, as: String.self).split(separator: separator).map(String.init)
        }
        return OIDCClient(
            id: try row.decode(column: "id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            kind: OIDCClientKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .public,
            redirectURIs: try list("redirect_uris", "\n"),
            postLogoutRedirectURIs: try list("post_logout_redirect_uris", "\n"),
            scopes: try list("scopes", " "), grantTypes: try list("grant_types", " "),
            idTokenAlgorithm: SigningAlgorithm(rawValue: try row.decode(column: "id_token_algorithm", as: String.self))
                ?? .es256,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            disabled: try row.decode(column: "disabled_at", as: Date?.self) != nil)
    }
}
