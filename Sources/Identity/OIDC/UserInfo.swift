/// The claims userinfo releases (OIDC Core §5.3), one member per granted scope.
public struct UserInfo: Sendable, Codable, Equatable {
    /// The pairwise subject.
    public var sub: String
    /// `profile`: the legal name.
    public var name: String?
    /// `phone`: the mobile number.
    public var phoneNumber: String?
    /// `idcard`: the 身份证号 (a private claim).
    public var idCardNumber: String?
    /// `realname`: the real-name level, 1 to 4 (a private claim).
    public var realNameLevel: Int?
    /// `realname`: the level as an `acr` value.
    public var acr: String?

    enum CodingKeys: String, CodingKey {
        case sub, name, acr
        case phoneNumber = "phone_number"
        case idCardNumber = "id_card_number"
        case realNameLevel = "real_name_level"
    }
}

/// An introspection answer (RFC 7662 §2.2).
public struct Introspection: Sendable, Codable, Equatable {
    /// Whether the token is live.
    public var active: Bool
    /// Its scopes.
    public var scope: String?
    /// The client it was issued to.
    public var clientID: String?
    /// The pairwise subject of its person, for person tokens.
    public var sub: String?
    /// Expiry, seconds since 1970.
    public var exp: Int?
    /// Issue time, seconds since 1970.
    public var iat: Int?
    /// `access_token` or `refresh_token`.
    public var tokenType: String?
    /// The real-name level at login, for person tokens.
    public var acr: String?

    enum CodingKeys: String, CodingKey {
        case active, scope, sub, exp, iat, acr
        case clientID = "client_id"
        case tokenType = "token_type"
    }

    static let inactive = Introspection(active: false)
}
