/// An authorization request whose client and redirect URI have been checked (OIDC Core §3.1.2.1).
public struct AuthorizationRequest: Sendable, Equatable {
    /// The client.
    public var client: OIDCClient
    /// The redirect URI, one of the client's.
    public var redirectURI: String
    /// The requested scopes, all allowed for the client.
    public var scopes: [String]
    /// Returned unchanged to the client.
    public var state: String?
    /// Bound into the ID token.
    public var nonce: String?
    /// The PKCE S256 challenge.
    public var codeChallenge: String?
    /// The lowest real-name level `acr_values` accepts, if it named any.
    public var requiredLevel: RealNameLevel?
    /// `prompt` values: `none`, `login`, `consent`.
    public var prompt: Set<String>
    /// `max_age` in seconds.
    public var maxAge: Int?
    /// The query as received, to carry through login and the consent form.
    public var parameters: [String: String]
}

/// Why an authorization request failed, and how to tell the requester.
public enum AuthorizationFailure: Error, Sendable, Equatable {
    /// The client or redirect URI cannot be trusted: show a page, never redirect (RFC 6749 §4.1.2.1).
    case page(title: String, detail: String)
    /// Send the error back to the client's redirect URI.
    case redirect(OIDCError, redirectURI: String, state: String?)
}

/// The `acr` values the provider knows: the real-name level (`L1`…`L4`).
public enum AuthenticationContext {
    /// The `acr` value for `level`.
    public static func value(_ level: RealNameLevel) -> String { "L\(level.rawValue)" }

    /// The level an `acr` value names, or nil.
    public static func level(_ value: some StringProtocol) -> RealNameLevel? {
        guard value.count == 2, value.hasPrefix("L"), let digit = Int(value.dropFirst()) else { return nil }
        return RealNameLevel(rawValue: digit)
    }
}
