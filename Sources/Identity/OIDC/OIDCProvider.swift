public import Foundation
public import Kernel
import SQLKit
public import Signing
public import Storage

/// The OpenID Connect provider: one login for every channel and department system.
///
/// Codes, access and refresh tokens are random strings stored only as SM3 hashes, so a database
/// dump yields none of them; access tokens are opaque and checked here (userinfo, introspection),
/// which lets revocation take effect at once. ID tokens are JWTs signed ES256, or SM2 for clients
/// registered for it.
public struct OIDCProvider: Sendable {
    let database: any Database
    let audit: AuditLog
    let sealer: FieldSealer
    let clock: any Clock
    let keys: SigningKeyStore
    /// The issuer identifier.
    public let issuer: IssuerURL
    /// Lifetimes.
    public let lifetimes: OIDCLifetimes

    /// Creates the provider.
    public init(
        database: any Database, audit: AuditLog, sealer: FieldSealer, clock: any Clock, issuer: IssuerURL,
        lifetimes: OIDCLifetimes = OIDCLifetimes()
    ) {
        self.database = database
        self.audit = audit
        self.sealer = sealer
        self.clock = clock
        self.keys = SigningKeyStore(database: database, sealer: sealer, clock: clock)
        self.issuer = issuer
        self.lifetimes = lifetimes
    }

    /// A JWKS document of the live keys for `algorithms`.
    ///
    /// `/oidc/jwks` serves ES256 only: common OIDC libraries reject a whole key set that holds a
    /// curve they do not know, so SM2 keys are published apart, at `/oidc/jwks/sm2`.
    public func keySet(_ algorithms: Set<SigningAlgorithm> = [.es256]) async throws -> JSONWebKeySet {
        JSONWebKeySet(
            keys: try await keys.publicKeys().filter {
                SigningAlgorithm(rawValue: $0.alg).map(algorithms.contains) ?? false
            })
    }

    /// The subject identifier `client` sees for `person`: pairwise, so two applications cannot
    /// join their records on it (OIDC Core §8.1).
    func subject(_ personID: UUID, for clientID: String) -> String {
        String(sealer.blindIndex(personID.uuidString, context: "oidc.sub." + clientID).prefix(32))
    }

    /// Client ids are printable ASCII; anything else (a NUL byte, which PostgreSQL refuses in text)
    /// is an unknown client, answered without asking the database.
    static func isClientID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    static func hash(_ secret: String) -> String {
        HashAlgorithm.sm3.hexDigest(secret)
    }

    static func clientActor(_ clientID: String, address: String = "-") -> Actor {
        Actor(id: "client:" + clientID, channel: "oidc", clientAddress: address)
    }
}

/// How long each credential lives.
public struct OIDCLifetimes: Sendable {
    /// Authorization codes: one minute.
    public var code: TimeInterval = 60
    /// Access tokens: ten minutes.
    public var accessToken: TimeInterval = 600
    /// ID tokens: ten minutes.
    public var idToken: TimeInterval = 600
    /// Refresh tokens: thirty days from issue, each rotation starting a new term.
    public var refreshToken: TimeInterval = 30 * 24 * 3600

    /// The defaults.
    public init() {}
}
