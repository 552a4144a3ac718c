import Foundation
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@testable import Identity

@Suite("OIDC tokens: code exchange, refresh rotation, machine clients, userinfo")
struct OIDCTokenTests {
    @Test("a code buys an ID token whose claims and signature check out", arguments: TestDatabase.available)
    func exchange(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let code = try await fixture.code(level: .registryMatched)

            let response = try await fixture.exchange(code)

            let keys = try await fixture.provider.keySet().keys
            let idToken = try #require(response.idToken)
            let payload = try #require(CompactJWS.verifiedPayload(idToken, keys: keys))
            let claims = try JSONDecoder().decode(IDTokenClaims.self, from: payload)
            #expect(claims.iss == OIDCFixture.issuer)
            #expect(claims.aud == fixture.client.client.id)
            #expect(claims.nonce == "n-1")
            #expect(claims.acr == "L2")
            #expect(claims.amr == ["pwd"])
            #expect(claims.sid == fixture.session.id.uuidString)
            #expect(claims.exp - claims.iat == 600)
            #expect(
                claims.sub.count == 32 && claims.sub != fixture.person.id.uuidString, "pairwise, not the account id")
            #expect(response.scope == "openid profile idcard")
            #expect(response.refreshToken != nil)
        }
    }

    @Test("the same person has a different subject at each client", arguments: TestDatabase.available)
    func pairwise(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            #expect(
                fixture.provider.subject(fixture.person.id, for: "zt-a")
                    != fixture.provider.subject(fixture.person.id, for: "zt-b"))
            #expect(
                fixture.provider.subject(fixture.person.id, for: "zt-a")
                    == fixture.provider.subject(fixture.person.id, for: "zt-a"))
        }
    }

    @Test(
        "wrong verifier, wrong redirect, expiry, another client: invalid_grant, and the code is spent",
        arguments: TestDatabase.available)
    func exchangeFailures(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let base = [
                "grant_type": "authorization_code", "redirect_uri": OIDCFixture.redirect,
                "code_verifier": OIDCFixture.verifier,
            ]
            for change in [
                ["code_verifier": String(repeating: "w", count: 43)],
                ["redirect_uri": "https://app.example.gov.cn/other"],
            ] {
                let code = try await fixture.code()
                let form = base.merging(change) { $1 }.merging(["code": code]) { $1 }
                let error = await fixture.oauthError {
                    try await fixture.provider.token(fixture.tokenRequest(form), clientAddress: "-")
                }
                #expect(error?.error == "invalid_grant", "\(change)")
                #expect(await fixture.oauthError { try await fixture.exchange(code) }?.error == "invalid_grant")
            }
            let late = try await fixture.code()
            fixture.clock.advance(by: 61)
            #expect(await fixture.oauthError { try await fixture.exchange(late) }?.error == "invalid_grant")
        }
    }

    @Test("a code used twice withdraws the tokens it bought", arguments: TestDatabase.available)
    func codeReplay(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let code = try await fixture.code()
            let first = try await fixture.exchange(code)

            let replay = await fixture.oauthError { try await fixture.exchange(code) }

            #expect(replay?.error == "invalid_grant")
            #expect(
                await fixture.oauthError {
                    try await fixture.provider.userInfo(accessToken: first.accessToken, clientAddress: "-")
                }?.status == 401)
            #expect(try await fixture.base.auditActions().contains("identity.oidc.code-reuse"))
        }
    }

    @Test("refresh rotates; the spent token coming back ends the whole family", arguments: TestDatabase.available)
    func refreshRotation(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let first = try await fixture.exchange(try await fixture.code())
            let refresh = { (token: String) in
                try await fixture.provider.token(
                    fixture.tokenRequest(["grant_type": "refresh_token", "refresh_token": token]), clientAddress: "-")
            }

            let second = try await refresh(try #require(first.refreshToken))
            #expect(second.refreshToken != first.refreshToken)
            #expect(second.idToken != nil)
            let reuse = await fixture.oauthError { try await refresh(first.refreshToken!) }

            #expect(reuse?.error == "invalid_grant")
            #expect(await fixture.oauthError { try await refresh(second.refreshToken!) }?.error == "invalid_grant")
            #expect(
                await fixture.oauthError {
                    try await fixture.provider.userInfo(accessToken: second.accessToken, clientAddress: "-")
                }?.status == 401)
            #expect(try await fixture.base.auditActions().contains("identity.oidc.refresh-reuse"))
        }
    }

    @Test("refresh cannot widen the scope, nor be used by another client", arguments: TestDatabase.available)
    func refreshLimits(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let first = try await fixture.exchange(try await fixture.code(["scope": "openid"]))
            let wider = await fixture.oauthError {
                try await fixture.provider.token(
                    fixture.tokenRequest([
                        "grant_type": "refresh_token", "refresh_token": first.refreshToken!, "scope": "openid idcard",
                    ]), clientAddress: "-")
            }
            #expect(wider?.error == "invalid_scope")
            let other = try await fixture.provider.register(
                RegisterClient(
                    name: "另一个应用", kind: .confidential, redirectURIs: ["https://b.example/cb"], scopes: ["openid"],
                    grantTypes: ["authorization_code", "refresh_token"]), by: OIDCFixture.operatorActor)
            let stolen = await fixture.oauthError {
                try await fixture.provider.token(
                    TokenRequest(
                        form: ["grant_type": "refresh_token", "refresh_token": first.refreshToken!],
                        credentials: ClientCredentials(clientID: other.client.id, secret: other.secret, viaBasic: false)
                    ),
                    clientAddress: "-")
            }
            #expect(stolen?.error == "invalid_grant")
        }
    }

    @Test(
        "client authentication: wrong secret, secret from a public client, disabled client",
        arguments: TestDatabase.available)
    func clientAuthentication(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let id = fixture.client.client.id
            for credentials in [
                ClientCredentials(clientID: id, secret: "wrong", viaBasic: true),
                ClientCredentials(clientID: id, secret: nil, viaBasic: false),
                ClientCredentials(clientID: "zt-unknown", secret: "x", viaBasic: false),
                // PostgreSQL refuses a NUL in text; it must be an unknown client, not a server error.
                ClientCredentials(clientID: "zt-\u{0}\u{7F}x", secret: "x", viaBasic: false),
            ] {
                let error = await fixture.oauthError { try await fixture.provider.authenticate(credentials) }
                #expect(error == OIDCError.invalidClient)
            }
            try await fixture.provider.disable(clientID: id, by: OIDCFixture.operatorActor)
            #expect(
                await fixture.oauthError { try await fixture.provider.authenticate(fixture.credentials) }
                    == .invalidClient)
        }
        try await OIDCFixture.with(kind, kind: .public) { fixture in
            let withSecret = ClientCredentials(clientID: fixture.client.client.id, secret: "made-up", viaBasic: false)
            #expect(await fixture.oauthError { try await fixture.provider.authenticate(withSecret) } == .invalidClient)
        }
    }

    @Test("client credentials: service scopes only, no person, no refresh", arguments: TestDatabase.available)
    func clientCredentials(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let response = try await fixture.provider.token(
                fixture.tokenRequest(["grant_type": "client_credentials"]), clientAddress: "-")
            #expect(response.scope == "catalog.read")
            #expect(response.idToken == nil && response.refreshToken == nil)
            let person = await fixture.oauthError {
                try await fixture.provider.token(
                    fixture.tokenRequest(["grant_type": "client_credentials", "scope": "openid"]), clientAddress: "-")
            }
            #expect(person?.error == "invalid_scope")
            let introspection = try await fixture.provider.introspect(response.accessToken, by: fixture.client.client)
            #expect(introspection.active && introspection.sub == nil && introspection.scope == "catalog.read")
            #expect(
                await fixture.oauthError {
                    try await fixture.provider.userInfo(accessToken: response.accessToken, clientAddress: "-")
                }?.status == 401)
        }
    }

    @Test(
        "userinfo releases what the scopes allow, in clear, and audits the release", arguments: TestDatabase.available)
    func userInfo(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let tokens = try await fixture.exchange(try await fixture.code(["scope": "openid profile idcard realname"]))

            let info = try await fixture.provider.userInfo(accessToken: tokens.accessToken, clientAddress: "-")

            #expect(info.name == "张三")
            #expect(info.idCardNumber == "130102199003071233")
            #expect(info.phoneNumber == nil)
            #expect(info.realNameLevel == 1 && info.acr == "L1")
            let releases = try await fixture.database.read { sql in
                try await sql.raw(
                    "SELECT actor, change_digest FROM zt_audit_log WHERE action = 'identity.oidc.release'"
                ).all()
            }
            #expect(releases.count == 1)
            #expect(try releases.first?.decode(column: "change_digest", as: String.self) == "idcard profile")
            #expect(
                try releases.first?.decode(column: "actor", as: String.self) == "client:" + fixture.client.client.id)
            fixture.clock.advance(by: 601)
            #expect(
                await fixture.oauthError {
                    try await fixture.provider.userInfo(accessToken: tokens.accessToken, clientAddress: "-")
                }?.error == "invalid_token")
        }
    }

    @Test("revoking a refresh token ends its family; unknown tokens are ignored", arguments: TestDatabase.available)
    func revocation(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let tokens = try await fixture.exchange(try await fixture.code())
            try await fixture.provider.revoke("not-a-token", by: fixture.client.client)

            try await fixture.provider.revoke(tokens.refreshToken!, by: fixture.client.client)

            #expect(
                try await fixture.provider.introspect(tokens.accessToken, by: fixture.client.client).active == false)
        }
    }

    @Test(
        "withdrawing consent or logging out everywhere revokes the application's tokens",
        arguments: TestDatabase.available)
    func withdraw(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let first = try await fixture.exchange(try await fixture.code())
            #expect(
                try await fixture.provider.authorisations(of: fixture.person.id, by: fixture.actor).map(\.clientID) == [
                    fixture.client.client.id
                ])

            try await fixture.provider.revokeAuthorisation(
                person: fixture.person.id, client: fixture.client.client.id, by: fixture.actor)

            #expect(try await fixture.provider.authorisations(of: fixture.person.id, by: fixture.actor).isEmpty)
            #expect(try await fixture.provider.introspect(first.accessToken, by: fixture.client.client).active == false)
            #expect(
                try await fixture.provider.grantedScopes(person: fixture.person.id, client: fixture.client.client.id)
                    .isEmpty)
            let second = try await fixture.exchange(try await fixture.code())
            try await fixture.base.service.logoutEverywhere(personID: fixture.person.id, by: fixture.actor)
            #expect(
                try await fixture.provider.introspect(second.accessToken, by: fixture.client.client).active == false)
            #expect(
                await domainError {
                    try await fixture.provider.authorisations(of: fixture.person.id, by: IdentityFixture.actor(UUID()))
                }?.kind == .forbidden)
        }
    }

    @Test(
        "RP logout accepts our ID token as hint and only registered return addresses", arguments: TestDatabase.available
    )
    func endSession(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let idToken = try #require(try await fixture.exchange(try await fixture.code()).idToken)
            fixture.clock.advance(by: 3600)

            let end = try await fixture.provider.endSession([
                "id_token_hint": idToken, "post_logout_redirect_uri": "https://app.example.gov.cn/bye", "state": "s 1",
            ])

            #expect(end.clientName == "演示应用")
            #expect(end.redirect?.absoluteString == "https://app.example.gov.cn/bye?state=s%201")
            for bad in [
                ["id_token_hint": idToken, "post_logout_redirect_uri": "https://evil.example/"],
                ["post_logout_redirect_uri": "https://app.example.gov.cn/bye"],
                ["id_token_hint": idToken + "x"],
                ["id_token_hint": idToken, "client_id": "zt-other"],
            ] {
                #expect(
                    await domainError { try await fixture.provider.endSession(bad) }?.code == "oidc.bad-logout",
                    "\(bad)")
            }
        }
    }

    @Test("SM2 clients get SM2-signed ID tokens, verifiable with the SM2 key set", arguments: TestDatabase.available)
    func sm2(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind, algorithm: .sm2) { fixture in
            let token = try #require(try await fixture.exchange(try await fixture.code()).idToken)
            let header = try JSONDecoder().decode(
                CompactJWS.Header.self, from: try #require(Base64URL.decode(token.split(separator: ".")[0])))
            #expect(header.alg == "SM2")
            let sm2Keys = try await fixture.provider.keySet([.sm2]).keys
            #expect(CompactJWS.verifiedPayload(token, keys: sm2Keys) != nil)
            #expect(try await fixture.provider.keySet([.es256]).keys.allSatisfy { $0.crv == "P-256" })
        }
    }
}
