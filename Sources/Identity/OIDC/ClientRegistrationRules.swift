import Foundation
import Kernel

/// What a client registration must satisfy; each refusal says what to fix, in Chinese.
enum ClientRegistrationRules {
    static func check(_ command: RegisterClient) throws {
        let name = command.name.trimmingCharacters(in: .whitespaces)
        guard (2...40).contains(name.count),
            name.unicodeScalars.allSatisfy({
                !$0.properties.isDefaultIgnorableCodePoint && $0.value >= 0x20 && $0.value != 0x7F
            })
        else {
            throw fail("应用名称应为 2 至 40 个字符，且不含控制字符。")
        }
        let grants = Set(command.grantTypes)
        guard !grants.isEmpty, grants.isSubset(of: OIDCScope.grantTypes), grants.count == command.grantTypes.count
        else {
            throw fail("授权类型只能是 authorization_code、refresh_token、client_credentials，且不重复。")
        }
        if command.kind == .public && grants.contains("client_credentials") {
            throw fail("公开客户端（小程序、手机应用）不能使用 client_credentials。")
        }
        if grants.contains("refresh_token") && !grants.contains("authorization_code") {
            throw fail("refresh_token 只能与 authorization_code 一起使用。")
        }
        let scopes = Set(command.scopes)
        guard !scopes.isEmpty, scopes.count == command.scopes.count, command.scopes.count <= 20,
            scopes.allSatisfy({ OIDCScope.personScopes.contains($0) || OIDCScope.isServiceScope($0) })
        else {
            throw fail("授权范围只能是 openid、profile、phone、idcard、realname，或小写英文的服务范围（如 catalog.read），且不重复。")
        }
        if grants.contains("authorization_code") {
            guard scopes.contains("openid") else { throw fail("使用 authorization_code 的应用必须包含 openid 范围。") }
            guard (1...10).contains(command.redirectURIs.count) else { throw fail("请登记 1 至 10 个回调地址。") }
        }
        guard command.postLogoutRedirectURIs.count <= 10 else { throw fail("退出后跳转地址最多 10 个。") }
        for uri in command.redirectURIs + command.postLogoutRedirectURIs where !isAcceptableRedirect(uri) {
            throw fail(
                "回调地址 \(uri.prefix(80)) 不可用：须为 https 地址、本机 http 地址或应用的专用协议（如 cn.gov.example.app:/callback），且不含 #。")
        }
    }

    /// https anywhere, http only on the loopback interface, or a private-use scheme with a dot
    /// (RFC 8252 §7.1), never with a fragment (RFC 6749 §3.1.2).
    static func isAcceptableRedirect(_ uri: String) -> Bool {
        guard uri.count <= 512, !uri.contains("#"),
            uri.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
            let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased()
        else { return false }
        switch scheme {
        case "https": return !(components.host ?? "").isEmpty
        case "http": return ["127.0.0.1", "localhost", "[::1]", "::1"].contains(components.host ?? "")
        default: return scheme.contains(".") && !["javascript", "data", "file", "vbscript"].contains(scheme)
        }
    }

    private static func fail(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "oidc.bad-client", title: "应用登记信息不正确", detail: detail)
    }
}
