import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("OIDC authorization requests and client registration")
struct OIDCAuthorizeTests {
    @Test(
        "an unknown client or an unregistered redirect is shown a page, never redirected",
        arguments: TestDatabase.available)
    func untrusted(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            for changes: [String: String?] in [
                ["client_id": "zt-nobody"], ["client_id": nil],
                ["redirect_uri": "https://app.example.gov.cn/callback/"],
                ["redirect_uri": "https://evil.example/callback"], ["redirect_uri": nil],
            ] {
                do throws(AuthorizationFailure) {
                    _ = try await fixture.provider.validate(fixture.parameters(changes))
                    Issue.record("accepted \(changes)")
                } catch {
                    guard case .page = error else {
                        Issue.record("\(changes) answered \(error)")
                        continue
                    }
                }
            }
        }
    }

    @Test("other faults go back to the client with the state", arguments: TestDatabase.available)
    func redirected(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let cases: [([String: String?], String)] = [
                (["response_type": "token"], "unsupported_response_type"),
                (["scope": "profile"], "invalid_scope"),
                (["scope": "openid email"], "invalid_scope"),
                (["code_challenge_method": "plain"], "invalid_request"),
                (["code_challenge": "short"], "invalid_request"),
                (["prompt": "none login"], "invalid_request"),
                (["max_age": "-1"], "invalid_request"),
                (["request": "eyJ"], "request_not_supported"),
            ]
            for (changes, expected) in cases {
                do throws(AuthorizationFailure) {
                    _ = try await fixture.provider.validate(fixture.parameters(changes))
                    Issue.record("accepted \(changes)")
                } catch {
                    #expect(
                        error
                            == .redirect(
                                OIDCError(expected, error.description(for: expected)),
                                redirectURI: OIDCFixture.redirect,
                                state: "st-1"), "\(changes)")
                }
            }
        }
    }

    @Test(
        "a public client must send a PKCE challenge; a confidential one may omit it", arguments: TestDatabase.available)
    func pkceRequiredForPublic(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind, kind: .public) { fixture in
            await #expect(throws: AuthorizationFailure.self) {
                try await fixture.provider.validate(fixture.parameters(["code_challenge": nil]))
            }
        }
        try await OIDCFixture.with(kind) { fixture in
            let request = try await fixture.provider.validate(fixture.parameters(["code_challenge": nil]))
            #expect(request.codeChallenge == nil)
        }
    }

    @Test("acr_values asks for the lowest level it lists", arguments: TestDatabase.available)
    func acrValues(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let request = try await fixture.provider.validate(fixture.parameters(["acr_values": "L4 L3 urn:other"]))
            #expect(request.requiredLevel == .faceVerified)
            let none = try await fixture.provider.validate(fixture.parameters(["acr_values": "gold"]))
            #expect(none.requiredLevel == nil)
        }
    }

    @Test("approving records consent, and the redirect carries code, state and iss", arguments: TestDatabase.available)
    func approve(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let request = try await fixture.provider.validate(fixture.parameters())

            let url = try await fixture.provider.approve(
                request, session: fixture.session, level: .selfDeclared, by: fixture.actor)

            let items = URLComponents(url: url, resolvingAgainstBaseURL: false)!.queryItems!
            #expect(url.absoluteString.hasPrefix(OIDCFixture.redirect + "?"))
            #expect(items.first { $0.name == "state" }?.value == "st-1")
            #expect(items.first { $0.name == "iss" }?.value == OIDCFixture.issuer)
            #expect(items.first { $0.name == "code" }?.value?.count == 43)
            let granted = try await fixture.provider.grantedScopes(person: fixture.person.id, client: request.client.id)
            #expect(granted == ["openid", "profile", "idcard"])
            #expect(try await fixture.base.auditActions().contains("identity.oidc.authorize"))
        }
    }

    @Test("nobody approves for another person", arguments: TestDatabase.available)
    func approveOnlyForSelf(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let request = try await fixture.provider.validate(fixture.parameters())
            let error = await domainError {
                try await fixture.provider.approve(
                    request, session: fixture.session, level: .selfDeclared, by: IdentityFixture.actor(UUID()))
            }
            #expect(error?.kind == .forbidden)
        }
    }

    @Test("registration refuses unsafe redirects and impossible grant combinations", arguments: TestDatabase.available)
    func registrationRules(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let good = RegisterClient(
                name: "部门系统", kind: .confidential, redirectURIs: ["https://a.example/cb"], scopes: ["openid"],
                grantTypes: ["authorization_code"])
            var bad: [RegisterClient] = []
            for uri in [
                "http://a.example/cb", "https://a.example/cb#x", "javascript:alert(1)", "/relative", "myapp:/cb",
            ] {
                var command = good
                command.redirectURIs = [uri]
                bad.append(command)
            }
            var publicMachine = good
            publicMachine.kind = .public
            publicMachine.grantTypes = ["authorization_code", "client_credentials"]
            var refreshAlone = good
            refreshAlone.grantTypes = ["refresh_token"]
            var noOpenID = good
            noOpenID.scopes = ["profile"]
            var badScope = good
            badScope.scopes = ["openid", "Admin"]
            bad += [publicMachine, refreshAlone, noOpenID, badScope]
            for command in bad {
                let error = await domainError {
                    try await fixture.provider.register(command, by: OIDCFixture.operatorActor)
                }
                #expect(error?.code == "oidc.bad-client", "\(command)")
            }
            var loopback = good
            loopback.redirectURIs = ["http://127.0.0.1:9000/cb", "cn.gov.example.app:/cb"]
            let registered = try await fixture.provider.register(loopback, by: OIDCFixture.operatorActor)
            #expect(registered.secret?.count == 43)
            #expect(registered.client.idTokenAlgorithm == .es256)
        }
    }

    @Test("only administrators register, list or disable clients", arguments: TestDatabase.available)
    func administratorsOnly(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let command = RegisterClient(
                name: "部门系统", kind: .confidential, redirectURIs: ["https://a.example/cb"], scopes: ["openid"],
                grantTypes: ["authorization_code"])
            #expect(
                await domainError { try await fixture.provider.register(command, by: fixture.actor) }?.kind
                    == .forbidden)
            #expect(await domainError { try await fixture.provider.clients(by: fixture.actor) }?.kind == .forbidden)
            #expect(
                await domainError {
                    try await fixture.provider.disable(clientID: fixture.client.client.id, by: fixture.actor)
                }?.kind == .forbidden)
        }
    }
}

extension AuthorizationFailure {
    /// The description this failure carries for `error`, so comparisons check the code and the target.
    func description(for error: String) -> String {
        if case .redirect(let failure, _, _) = self, failure.error == error { return failure.errorDescription }
        return ""
    }
}

@Suite("OIDC input PostgreSQL would refuse")
struct OIDCControlCharacterTests {
    @Test("NUL bytes in client ids are unknown clients, never server errors", arguments: TestDatabase.available)
    func nul(kind: TestDatabase) async throws {
        try await OIDCFixture.with(kind) { fixture in
            let disable = await domainError {
                try await fixture.provider.disable(clientID: "zt-\u{0}", by: OIDCFixture.operatorActor)
            }
            let withdraw = await domainError {
                try await fixture.provider.revokeAuthorisation(
                    person: fixture.person.id, client: "zt-\u{0}", by: fixture.actor)
            }
            #expect(disable?.kind == .notFound && withdraw?.kind == .notFound)
            let client = try await fixture.provider.client(id: "zt-\u{0}")
            let scopes = try await fixture.provider.grantedScopes(person: fixture.person.id, client: "\u{0}")
            #expect(client == nil && scopes.isEmpty)
        }
    }
}
