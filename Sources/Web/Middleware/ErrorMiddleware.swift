import Hummingbird
import Logging

/// Turns every error into a Chinese answer: problem+json for programs, an error page for people.
///
/// It sits outermost, so nothing a route or middleware throws reaches the client as a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = APIError.problem(for: error, path: request.uri.path, requestID: context.requestID)
            if problem.status >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            if Self.wantsJSON(request) { return problem.response() }
            return renderer.errorPage(problem, request: request)
        }
    }

    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/healthz" || path == "/readyz" || path == "/openapi.json" {
            return true
        }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("json") && !accept.contains("text/html")
    }
}
