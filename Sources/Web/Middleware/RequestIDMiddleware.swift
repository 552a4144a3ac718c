import Foundation
import Hummingbird
import Logging

/// Gives each request an id: the caller's `X-Request-ID` when it is sane, else a new one.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let given = request.headers[.init("X-Request-ID")!] ?? ""
        let sane =
            !given.isEmpty && given.count <= 64
            && given.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
            && given.allSatisfy(\.isASCII)
        context.requestID = sane ? given : UUID().uuidString.lowercased()
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        var response = try await next(request, context)
        response.headers[.init("X-Request-ID")!] = context.requestID
        return response
    }
}
