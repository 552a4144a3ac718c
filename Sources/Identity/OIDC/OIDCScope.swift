/// The scopes a person can grant, and the rule for service scopes of machine clients.
public enum OIDCScope {
    /// Person scopes in display order with what the consent page says each releases.
    public static let person: [(scope: String, label: String)] = [
        ("openid", "确认您的身份（为该应用生成的专属标识）"),
        ("profile", "您的姓名"),
        ("phone", "您的手机号码"),
        ("idcard", "您的身份证号码"),
        ("realname", "您的实名认证等级"),
    ]

    /// The person scope names.
    public static let personScopes: Set<String> = Set(person.map(\.scope))

    /// The grant types a client may be registered for.
    public static let grantTypes: Set<String> = ["authorization_code", "refresh_token", "client_credentials"]

    /// Scopes a machine client may hold beside person scopes: lower-case dotted names such as `catalog.read`.
    public static func isServiceScope(_ scope: String) -> Bool {
        guard !personScopes.contains(scope), (3...64).contains(scope.count), let first = scope.first,
            first.isASCII, first.isLowercase
        else { return false }
        return scope.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || ".:-_".contains($0)) }
    }

    /// The label for `scope` on consent and authorisation pages.
    public static func label(_ scope: String) -> String {
        person.first { $0.scope == scope }?.label ?? scope
    }
}
