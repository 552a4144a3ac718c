import Hummingbird
import Identity

/// Finds the signed-in person from the `zt_session` cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookie = "zt_session"
    let identity: IdentityService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookie]?.value {
            context.session = try await identity.session(token: token)
        }
        return try await next(request, context)
    }
}
