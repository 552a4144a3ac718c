import Hummingbird
import Identity

/// Finds the signed-in staff member from the `zt_staff` cookie, with their permissions.
///
/// Permissions are read on every request, so a revoked role or a disabled account takes effect at
/// once; the session lookup refuses disabled accounts.
struct StaffSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookie = "zt_staff"
    let organisation: OrganisationService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookie]?.value,
            let session = try await organisation.staffSession(token: token)
        {
            let permissions = try await organisation.permissions(of: StaffActor(session: session))
            context.staff = StaffContext(session: session, permissions: permissions)
        }
        return try await next(request, context)
    }
}
