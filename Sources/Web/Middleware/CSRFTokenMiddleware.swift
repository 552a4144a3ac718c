import Crypto
import Foundation
import Hummingbird
import Kernel

/// Gives each browser a random `zt_csrf` cookie and puts its value in the context for forms.
///
/// It sits outside the error middleware, so error pages carry the token too and the cookie is
/// set on every kind of response. `CSRFCheckMiddleware` does the checking.
struct CSRFTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookie = "zt_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let existing = request.cookies[Self.cookie]?.value ?? ""
        let isValid = Self.isWellFormed(existing)
        context.csrfToken = isValid ? existing : RandomToken.make()
        var response = try await next(request, context)
        // Only pages need the cookie; API clients are not sent one on every call.
        if !isValid, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.setCookie(
                Cookie(name: Self.cookie, value: context.csrfToken, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.count == 43 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

}
