/// A public signing key as published in the JWKS document (RFC 7517).
public struct JSONWebKey: Sendable, Codable, Equatable {
    /// Key type: `EC` for both P-256 and SM2.
    public var kty: String
    /// Curve: `P-256`, or `SM2` (not IANA-registered; see docs/identity.md).
    public var crv: String
    /// The x coordinate, base64url.
    public var x: String
    /// The y coordinate, base64url.
    public var y: String
    /// The key id: its RFC 7638 thumbprint.
    public var kid: String
    /// The algorithm the key signs with: `ES256` or `SM2`.
    public var alg: String
    /// Always `sig`.
    public var use: String

    /// Describes a public key.
    public init(kty: String, crv: String, x: String, y: String, kid: String, alg: String, use: String) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.y = y
        self.kid = kid
        self.alg = alg
        self.use = use
    }
}

/// The JWKS document.
public struct JSONWebKeySet: Sendable, Codable, Equatable {
    /// The keys.
    public var keys: [JSONWebKey]

    /// A set of `keys`.
    public init(keys: [JSONWebKey]) {
        self.keys = keys
    }
}
