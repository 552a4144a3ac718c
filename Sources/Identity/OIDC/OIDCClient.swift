public import Foundation
public import Signing

/// An application registered to sign people in through the platform (接入应用).
public struct OIDCClient: Sendable, Codable, Equatable {
    /// The `client_id`.
    public var id: String
    /// The name shown on the consent page.
    public var name: String
    /// Public clients (mini-programs, phone apps) hold no secret and must use PKCE.
    public var kind: OIDCClientKind
    /// Redirect URIs, matched exactly.
    public var redirectURIs: [String]
    /// Where RP-initiated logout may return to, matched exactly.
    public var postLogoutRedirectURIs: [String]
    /// Scopes the client may ask for.
    public var scopes: [String]
    /// `authorization_code`, `refresh_token`, `client_credentials`.
    public var grantTypes: [String]
    /// How its ID tokens are signed.
    public var idTokenAlgorithm: SigningAlgorithm
    /// When it was registered.
    public var createdAt: Date
    /// Whether an administrator disabled it.
    public var disabled: Bool
}

/// Whether a client can keep a secret.
public enum OIDCClientKind: String, Sendable, Codable, CaseIterable {
    /// Runs on the person's device; holds no secret.
    case `public`
    /// Runs on a server; authenticates with its secret.
    case confidential
}

/// What an administrator submits to register a client.
public struct RegisterClient: Sendable, Codable, Equatable {
    /// The name shown to people.
    public var name: String
    /// Public or confidential.
    public var kind: OIDCClientKind
    /// Exact redirect URIs.
    public var redirectURIs: [String]
    /// Exact post-logout redirect URIs.
    public var postLogoutRedirectURIs: [String]
    /// Allowed scopes.
    public var scopes: [String]
    /// Allowed grant types.
    public var grantTypes: [String]
    /// ID token algorithm; ES256 when nil.
    public var idTokenAlgorithm: SigningAlgorithm?

    /// Creates the command.
    public init(
        name: String, kind: OIDCClientKind, redirectURIs: [String], postLogoutRedirectURIs: [String] = [],
        scopes: [String], grantTypes: [String], idTokenAlgorithm: SigningAlgorithm? = nil
    ) {
        self.name = name
        self.kind = kind
        self.redirectURIs = redirectURIs
        self.postLogoutRedirectURIs = postLogoutRedirectURIs
        self.scopes = scopes
        self.grantTypes = grantTypes
        self.idTokenAlgorithm = idTokenAlgorithm
    }
}

/// A newly registered client with its secret, shown once.
public struct RegisteredClient: Sendable, Codable, Equatable {
    /// The client.
    public var client: OIDCClient
    /// The `client_secret` for confidential clients; only its hash is kept.
    public var secret: String?
}
