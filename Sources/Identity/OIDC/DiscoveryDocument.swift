import Signing

/// The provider metadata at `/.well-known/openid-configuration` (OIDC Discovery 1.0 §3).
public struct DiscoveryDocument: Sendable, Codable, Equatable {
    var issuer: String
    var authorizationEndpoint: String
    var tokenEndpoint: String
    var userinfoEndpoint: String
    var jwksURI: String
    var endSessionEndpoint: String
    var revocationEndpoint: String
    var introspectionEndpoint: String
    var scopesSupported: [String]
    var responseTypesSupported = ["code"]
    var responseModesSupported = ["query"]
    var grantTypesSupported = ["authorization_code", "refresh_token", "client_credentials"]
    var subjectTypesSupported = ["pairwise"]
    var idTokenSigningAlgValuesSupported = SigningAlgorithm.allCases.map(\.rawValue)
    var tokenEndpointAuthMethodsSupported = ["client_secret_basic", "client_secret_post", "none"]
    var codeChallengeMethodsSupported = ["S256"]
    var claimsSupported = [
        "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid", "azp", "at_hash", "name",
        "phone_number", "id_card_number", "real_name_level",
    ]
    var acrValuesSupported = ["L1", "L2", "L3", "L4"]
    var promptValuesSupported = ["none", "login", "consent"]
    var authorizationResponseIssParameterSupported = true
    var requestParameterSupported = false
    var requestURIParameterSupported = false
    var claimsParameterSupported = false
    var uiLocalesSupported = ["zh-CN"]

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case userinfoEndpoint = "userinfo_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
        case revocationEndpoint = "revocation_endpoint"
        case introspectionEndpoint = "introspection_endpoint"
        case scopesSupported = "scopes_supported"
        case responseTypesSupported = "response_types_supported"
        case responseModesSupported = "response_modes_supported"
        case grantTypesSupported = "grant_types_supported"
        case subjectTypesSupported = "subject_types_supported"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case claimsSupported = "claims_supported"
        case acrValuesSupported = "acr_values_supported"
        case promptValuesSupported = "prompt_values_supported"
        case authorizationResponseIssParameterSupported = "authorization_response_iss_parameter_supported"
        case requestParameterSupported = "request_parameter_supported"
        case requestURIParameterSupported = "request_uri_parameter_supported"
        case claimsParameterSupported = "claims_parameter_supported"
        case uiLocalesSupported = "ui_locales_supported"
    }
}

extension OIDCProvider {
    /// The metadata for the current issuer.
    public func discovery() -> DiscoveryDocument {
        let base = issuer.value
        return DiscoveryDocument(
            issuer: base, authorizationEndpoint: base + "/oidc/authorize", tokenEndpoint: base + "/oidc/token",
            userinfoEndpoint: base + "/oidc/userinfo", jwksURI: base + "/oidc/jwks",
            endSessionEndpoint: base + "/oidc/logout", revocationEndpoint: base + "/oidc/revoke",
            introspectionEndpoint: base + "/oidc/introspect", scopesSupported: OIDCScope.person.map(\.scope))
    }
}
