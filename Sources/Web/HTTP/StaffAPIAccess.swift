import Hummingbird
import Identity
import Kernel

/// What the domains' JSON APIs share at their door: the staff caller, and domain errors that are
/// malformed requests rather than refused ones.
enum StaffAPIAccess {
    /// Runs `body` for the staff member calling; 401 without a staff session, 403 for the operator
    /// token, which is no staff member. `detail` says, in Chinese, whom the API is for.
    static func asStaff(
        _ request: Request, _ context: AppRequestContext, refusal detail: String,
        _ body: (StaffActor) async throws -> Response
    ) async throws -> Response {
        guard let staff = context.staff else {
            return Problem(
                status: context.isOperator ? 403 : 401, code: "auth.staff-required", title: "请以工作人员身份登录",
                detail: detail, instance: request.uri.path, requestId: context.requestID
            ).response()
        }
        return try await body(staff.actor)
    }

    /// Runs `body`, answering the domain errors whose code is in `codes` as 400 problems with their
    /// Chinese text instead of the 422 (or 404) their kind would give.
    static func mappingBadRequests(
        _ codes: Set<String>, _ request: Request, _ context: AppRequestContext,
        _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as DomainError where codes.contains(error.code) {
            return Problem(
                status: 400, code: error.code, title: error.title, detail: error.detail, instance: request.uri.path,
                requestId: context.requestID
            ).response()
        }
    }
}
