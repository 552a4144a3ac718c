import Crypto
import Foundation
import Hummingbird
import Kernel

/// Protects every HTML form against cross-site request forgery with a double-submit token.
///
/// The `zt_csrf` cookie is SameSite=Strict, so other sites cannot send it; forms carry the same
/// value in a hidden `_csrf` field, which another site cannot read. A form post whose field and
/// cookie differ is refused with 403. JSON APIs authenticate with bearer tokens or signatures,
/// which browsers never attach on their own, so they are not checked here.
struct CSRFCheckMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let field = "_csrf"
    /// The largest multipart form: one material file (10 MB) with room for the other fields.
    static let maximumUploadBytes = 11 << 20

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        // Token endpoints and payment providers' notifications post forms from other machines, with
        // their own authentication (client secrets, provider signatures), never from a browser.
        if Self.isFormPost(request) && !OIDCEndpointRoutes.paths.contains(request.uri.path)
            && !request.uri.path.hasPrefix("/api/v1/payments/notify/")
        {
            let cookie = request.cookies[CSRFTokenMiddleware.cookie]?.value ?? ""
            let contentType = request.headers[.contentType] ?? ""
            let multipart = contentType.lowercased().hasPrefix("multipart/form-data")
            let body = try await request.collectBody(upTo: multipart ? Self.maximumUploadBytes : context.maxUploadSize)
            // An upload form carries the token as an ordinary part; scripts may send it as a header.
            let sent =
                multipart
                ? (try? CasePageMultipart.parse(Data(body.readableBytesView), contentType: contentType))?.value(
                    Self.field)
                    ?? request.headers[.init("X-CSRF-Token")!]
                : URLEncodedForm.fields(String(buffer: body))[Self.field] ?? request.headers[.init("X-CSRF-Token")!]
            guard CSRFTokenMiddleware.isWellFormed(cookie), let sent, Self.same(sent, cookie) else {
                throw DomainError(
                    .forbidden, code: "csrf.mismatch", title: "页面已过期", detail: "表单已失效或来自其他网站，请刷新页面后重新提交。")
            }
        }
        return try await next(request, context)
    }

    /// Form posts, and body-less posts to pages (a form with no fields still posts).
    static func isFormPost(_ request: Request) -> Bool {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        let formType = type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data")
        switch request.method {
        case .post: return formType || (type.isEmpty && !request.uri.path.hasPrefix("/api/"))
        case .put, .delete, .patch: return formType
        default: return false
        }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        SHA256.hash(data: Data(a.utf8)) == SHA256.hash(data: Data(b.utf8))
    }
}
