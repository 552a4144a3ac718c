public import Foundation
public import Signing

/// An issuer's public signing key as the platform publishes it for offline verification.
public struct PublishedIssuerKey: Sendable, Codable, Equatable {
    /// The public key; its `kid` is the RFC 7638 thumbprint.
    public var jwk: JSONWebKey
    /// Who signs with it: the issuing organisation's unified social credit code.
    public var issuer: String
    /// When the key was made; documents signed before this are forgeries.
    public var createdAt: Date
    /// When it stopped signing new documents; documents it signed before stay valid.
    public var retiredAt: Date?

    /// Describes a published key.
    public init(jwk: JSONWebKey, issuer: String, createdAt: Date, retiredAt: Date?) {
        self.jwk = jwk
        self.issuer = issuer
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }
}
