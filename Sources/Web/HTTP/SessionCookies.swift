import Hummingbird
import Identity

/// Sets and clears the session cookie: HttpOnly, SameSite=Lax, Secure unless configured off for
/// plain-HTTP development behind no TLS.
public struct SessionCookies: Sendable {
    /// Whether cookies carry `Secure`.
    public var secure: Bool
    /// The cookie's lifetime, the session's absolute timeout.
    public var maxAge: Int

    /// Creates the cookie policy.
    public init(secure: Bool, maxAge: Int) {
        self.secure = secure
        self.maxAge = maxAge
    }

    func signedIn(_ session: IssuedSession, redirectTo location: String) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookie, value: session.token, maxAge: maxAge, path: "/", secure: secure,
                httpOnly: true, sameSite: .lax))
        return response
    }

    func signedOut(redirectTo location: String) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true,
                sameSite: .lax))
        return response
    }
}
