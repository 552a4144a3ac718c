/// The claims of an ID token (OIDC Core §2).
struct IDTokenClaims: Codable, Equatable {
    var iss: String
    var sub: String
    var aud: String
    var azp: String
    var exp: Int
    var iat: Int
    var authTime: Int
    var nonce: String?
    var acr: String
    var amr: [String]
    var sid: String
    var atHash: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, azp, exp, iat, nonce, acr, amr, sid
        case authTime = "auth_time"
        case atHash = "at_hash"
    }
}
