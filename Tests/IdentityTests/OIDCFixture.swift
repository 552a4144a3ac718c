import Foundation
import Identity
import Kernel
import Signing
import Storage
import StorageTesting

/// An identity fixture with the OIDC provider, a signed-in 张三 and a registered client.
struct OIDCFixture {
    let base: IdentityFixture
    let provider: OIDCProvider
    let person: PersonProfile
    let session: SessionInfo
    let client: RegisteredClient

    static let issuer = "https://id.zhengtong.example"
    static let redirect = "https://app.example.gov.cn/callback"
    static let operatorActor = Storage.Actor(id: "operator", channel: "web", clientAddress: "-", roles: ["operator"])
    static let verifier = String(repeating: "v", count: 43)
    /// BASE64URL(SHA-256(verifier)), computed independently with openssl (`… | openssl sha256 -binary | basenc --base64url`).
    static let challenge = "7w_YNF9DSfIdPf_pRjSq646_kPr-2-o9NAl16JGghdM"

    var database: any Database { base.database }
    var clock: FixedClock { base.clock }
    var actor: Storage.Actor { IdentityFixture.actor(person.id) }

    static func with(
        _ kind: TestDatabase, kind clientKind: OIDCClientKind = .confidential,
        algorithm: SigningAlgorithm = .es256, _ body: @Sendable (OIDCFixture) async throws -> Void
    ) async throws {
        try await IdentityFixture.with(kind) { base in
            let provider = OIDCProvider(
                database: base.database, audit: AuditLog(algorithm: .sm3, clock: base.clock),
                sealer: try FieldSealer(masterKey: Array(repeating: 9, count: 32)), clock: base.clock,
                issuer: IssuerURL(issuer + "/"))
            let person = try await base.register(IdentityFixture.zhang)
            let session = try await base.login(IdentityFixture.zhang.phone, IdentityFixture.zhang.password).info
            let client = try await provider.register(
                RegisterClient(
                    name: "演示应用", kind: clientKind, redirectURIs: [redirect],
                    postLogoutRedirectURIs: ["https://app.example.gov.cn/bye"],
                    scopes: ["openid", "profile", "phone", "idcard", "realname", "catalog.read"],
                    grantTypes: clientKind == .confidential
                        ? ["authorization_code", "refresh_token", "client_credentials"]
                        : ["authorization_code", "refresh_token"],
                    idTokenAlgorithm: algorithm), by: operatorActor)
            try await body(
                OIDCFixture(base: base, provider: provider, person: person, session: session, client: client))
        }
    }

    /// The query of a valid authorization request, with `changes` applied (nil removes a field).
    func parameters(_ changes: [String: String?] = [:]) -> [String: String] {
        var query = [
            "response_type": "code", "client_id": client.client.id, "redirect_uri": Self.redirect,
            "scope": "openid profile idcard", "state": "st-1", "nonce": "n-1", "code_challenge": Self.challenge,
            "code_challenge_method": "S256",
        ]
        for (key, value) in changes { query[key] = value }
        return query
    }

    /// Approves a valid request as 张三 and returns the code from the redirect.
    func code(_ changes: [String: String?] = [:], level: RealNameLevel = .selfDeclared) async throws -> String {
        let request = try await provider.validate(parameters(changes))
        let url = try await provider.approve(request, session: session, level: level, by: actor)
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return items.first { $0.name == "code" }!.value!
    }

    /// The client's own credentials.
    var credentials: ClientCredentials {
        ClientCredentials(clientID: client.client.id, secret: client.secret, viaBasic: true)
    }

    /// A token request from the client.
    func tokenRequest(_ form: [String: String]) -> TokenRequest {
        TokenRequest(form: form, credentials: credentials)
    }

    /// Exchanges `code` with the right verifier.
    func exchange(_ code: String) async throws -> TokenResponse {
        try await provider.token(
            tokenRequest([
                "grant_type": "authorization_code", "code": code, "redirect_uri": Self.redirect,
                "code_verifier": Self.verifier,
            ]), clientAddress: "198.51.100.7")
    }

    /// The OAuth error `body` throws.
    func oauthError(_ body: () async throws -> some Any) async -> OIDCError? {
        do {
            _ = try await body()
            return nil
        } catch let error as OIDCError {
            return error
        } catch {
            return OIDCError("unexpected", "\(error)")
        }
    }
}
