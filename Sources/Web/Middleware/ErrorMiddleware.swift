import Hummingbird
import Logging

/// Turns every error into a Chinese answer: problem+json for programs, an error page for people.
///
/// It sits outermost, so nothing a route or middleware throws reaches the client as a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else {
                return respond(to: error, request: request, context: context)
            }
            var response = respond(to: HTTPError(.methodNotAllowed), request: request, context: context)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch {
            return respond(to: error, request: request, context: context)
        }
    }

    private func respond(to error: any Error, request: Request, context: Context) -> Response {
        let problem = APIError.problem(for: error, path: request.uri.path, requestID: context.requestID)
        if problem.status >= 500 {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        if Self.wantsJSON(request) { return problem.response() }
        return renderer.errorPage(problem, request: request, context: context)
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
