/// A successful token response (RFC 6749 §5.1, OIDC Core §3.1.3.3).
public struct TokenResponse: Sendable, Codable, Equatable {
    /// The opaque access token.
    public var accessToken: String
    /// Always `Bearer`.
    public var tokenType: String = "Bearer"
    /// Seconds until the access token expires.
    public var expiresIn: Int
    /// The rotated refresh token, when the client holds the refresh grant.
    public var refreshToken: String?
    /// The signed ID token, for person grants.
    public var idToken: String?
    /// The granted scopes.
    public var scope: String

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case idToken = "id_token"
        case scope
    }
}
