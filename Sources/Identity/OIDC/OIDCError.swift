/// An OAuth 2.0 / OIDC protocol error (RFC 6749 §5.2), sent as `{"error", "error_description"}`.
public struct OIDCError: Error, Sendable, Equatable, Codable {
    /// The registered error code, such as `invalid_grant`.
    public var error: String
    /// A Chinese explanation for the developer of the client.
    public var errorDescription: String
    /// The HTTP status to send it with.
    public var status: Int

    /// Creates the error.
    public init(_ error: String, _ description: String, status: Int = 400) {
        self.error = error
        self.errorDescription = description
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }

    /// Decodes the wire form; the status is not part of it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try container.decode(String.self, forKey: .error)
        errorDescription = try container.decode(String.self, forKey: .errorDescription)
        status = 400
    }

    /// `invalid_grant` with `description`.
    public static func invalidGrant(_ description: String) -> OIDCError { OIDCError("invalid_grant", description) }
    /// `invalid_request` with `description`.
    public static func invalidRequest(_ description: String) -> OIDCError {
        OIDCError("invalid_request", description)
    }
    /// `invalid_client`, answered with 401.
    public static let invalidClient = OIDCError("invalid_client", "客户端认证失败：client_id 或 client_secret 不正确。", status: 401)
}
