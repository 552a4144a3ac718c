/// The fields of a token request (RFC 6749 §4.1.3, §6, §4.4) and how the client authenticated.
public struct TokenRequest: Sendable, Equatable {
    /// `grant_type`.
    public var grantType: String
    /// `code`.
    public var code: String?
    /// `redirect_uri`.
    public var redirectURI: String?
    /// `code_verifier`.
    public var codeVerifier: String?
    /// `refresh_token`.
    public var refreshToken: String?
    /// `scope`.
    public var scope: String?
    /// The client's credentials.
    public var credentials: ClientCredentials

    /// Reads the request from form fields and the client credentials found beside them.
    public init(form: [String: String], credentials: ClientCredentials) {
        grantType = form["grant_type"] ?? ""
        code = form["code"]
        redirectURI = form["redirect_uri"]
        codeVerifier = form["code_verifier"]
        refreshToken = form["refresh_token"]
        scope = form["scope"]
        self.credentials = credentials
    }
}

/// How a client identified itself: HTTP Basic (`client_secret_basic`), form fields
/// (`client_secret_post`), or only its id (`none`, public clients).
public struct ClientCredentials: Sendable, Equatable {
    /// The `client_id`.
    public var clientID: String
    /// The `client_secret`, if any.
    public var secret: String?
    /// Whether they came in the Authorization header (a failure then answers 401 with a challenge).
    public var viaBasic: Bool

    /// Creates the credentials.
    public init(clientID: String, secret: String?, viaBasic: Bool) {
        self.clientID = clientID
        self.secret = secret
        self.viaBasic = viaBasic
    }
}
