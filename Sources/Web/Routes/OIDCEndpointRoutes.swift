import Foundation
import Hummingbird
import Identity
import Kernel

/// The machine side of the OIDC provider: token, userinfo, introspection and revocation.
///
/// These answer in the OAuth error format (RFC 6749 §5.2), not problem+json, because that is what
/// every OAuth client library reads; they are exempt from the CSRF check since they authenticate
/// the client, never a cookie.
enum OIDCEndpointRoutes {
    static let paths: Set<String> = ["/oidc/token", "/oidc/userinfo", "/oidc/introspect", "/oidc/revoke"]

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let oidc = dependencies.oidc
        router.post("/oidc/token") { request, context in
            await answer {
                let (form, credentials) = try await clientRequest(request, context)
                return try JSONResponse.make(
                    try await oidc.token(
                        TokenRequest(form: form, credentials: credentials), clientAddress: context.clientAddress))
            }
        }
        let userinfo: @Sendable (Request, AppRequestContext) async throws -> Response = { request, context in
            var token = bearer(request)
            if token == nil, request.method == .post, isForm(request) {
                token = try await request.formFields(context)["access_token"]
            }
            do {
                guard let token else { throw OIDCError("invalid_token", "缺少访问令牌。", status: 401) }
                return try JSONResponse.make(
                    try await oidc.userInfo(accessToken: token, clientAddress: context.clientAddress))
            } catch let error as OIDCError {
                var response = try JSONResponse.make(error, status: .init(code: error.status))
                response.headers[.wwwAuthenticate] = #"Bearer realm="zhengtong", error="\#(error.error)""#
                return response
            }
        }
        router.get("/oidc/userinfo", use: userinfo)
        router.post("/oidc/userinfo", use: userinfo)
        router.post("/oidc/introspect") { request, context in
            await answer {
                let (form, credentials) = try await clientRequest(request, context)
                let client = try await oidc.authenticate(credentials)
                guard let token = form["token"] else { throw OIDCError.invalidRequest("缺少 token。") }
                return try JSONResponse.make(try await oidc.introspect(token, by: client))
            }
        }
        router.post("/oidc/revoke") { request, context in
            await answer {
                let (form, credentials) = try await clientRequest(request, context)
                let client = try await oidc.authenticate(credentials)
                guard let token = form["token"] else { throw OIDCError.invalidRequest("缺少 token。") }
                try await oidc.revoke(token, by: client)
                return Response(status: .ok, headers: [.cacheControl: "no-store"])
            }
        }
    }

    /// Runs `body`, turning protocol errors into their JSON form; tokens are never cached.
    private static func answer(_ body: () async throws -> Response) async -> Response {
        var response: Response
        do {
            response = try await body()
        } catch let error as OIDCError {
            response =
                (try? JSONResponse.make(error, status: .init(code: error.status))) ?? Response(status: .badRequest)
            if error.status == 401 { response.headers[.wwwAuthenticate] = #"Basic realm="zhengtong""# }
        } catch is HTTPError {
            // A body over the limit or unreadable: the client's fault, answered in the OAuth format.
            response =
                (try? JSONResponse.make(OIDCError.invalidRequest("请求无法读取或过大。"), status: .badRequest))
                ?? Response(status: .badRequest)
        } catch {
            response =
                (try? JSONResponse.make(
                    OIDCError("server_error", "服务器内部错误，请稍后再试。", status: 500), status: .internalServerError))
                ?? Response(status: .internalServerError)
        }
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("Pragma")!] = "no-cache"
        return response
    }

    /// The form fields and the client credentials of a client request (RFC 6749 §2.3.1).
    private static func clientRequest(_ request: Request, _ context: AppRequestContext) async throws -> (
        [String: String], ClientCredentials
    ) {
        guard isForm(request) else {
            throw OIDCError.invalidRequest("请求体必须是 application/x-www-form-urlencoded。")
        }
        let body = try await request.body.collect(upTo: 64 * 1024)
        guard let form = URLEncodedForm.uniqueFields(String(buffer: body)) else {
            throw OIDCError.invalidRequest("请求中有重复的参数。")
        }
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("basic ") {
            guard form["client_secret"] == nil,
                let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { throw OIDCError.invalidClient }
            // The id and secret are form-encoded before being joined (RFC 6749 §2.3.1).
            let decode = { (part: Substring) in
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let id = decode(text[..<colon])
            if let formID = form["client_id"], formID != id { throw OIDCError.invalidClient }
            return (
                form, ClientCredentials(clientID: id, secret: decode(text[text.index(after: colon)...]), viaBasic: true)
            )
        }
        return (
            form, ClientCredentials(clientID: form["client_id"] ?? "", secret: form["client_secret"], viaBasic: false)
        )
    }

    private static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    private static func isForm(_ request: Request) -> Bool {
        (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded")
    }
}
