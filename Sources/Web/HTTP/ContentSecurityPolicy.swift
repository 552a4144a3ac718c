import Foundation
import Hummingbird

/// The Content-Security-Policy of every page, and its one variation.
///
/// `form-action` also governs the redirects that follow a form post, so a page whose form leads
/// back to an application (log in, consent, step-up, RP logout) must name that application's
/// redirect origin, already checked against the registered client; every other page allows 'self' only.
enum ContentSecurityPolicy {
    static func value(formTargets: [String] = []) -> String {
        let targets = (["'self'"] + formTargets).joined(separator: " ")
        return
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action \(targets)"
    }

    /// The CSP source expression for a redirect URI: `https://host:port`, or `scheme:` for an app's own scheme.
    static func source(of uri: String) -> String? {
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased() else {
            return nil
        }
        guard scheme == "http" || scheme == "https" else { return scheme + ":" }
        guard let host = components.host, !host.isEmpty else { return nil }
        return scheme + "://" + host + (components.port.map { ":\($0)" } ?? "")
    }

    /// `response` with a policy allowing forms to lead to `uris` as well.
    static func allowing(_ uris: [String], on response: Response) -> Response {
        var response = response
        response.headers[.contentSecurityPolicy] = value(formTargets: uris.compactMap(source(of:)))
        return response
    }
}
