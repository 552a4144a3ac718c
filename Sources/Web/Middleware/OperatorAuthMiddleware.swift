import Crypto
import Foundation
import Hummingbird
import Kernel

/// Admits operators and staff to `/admin` and `/api/v1/admin`.
///
/// Operators present the operator token as a Bearer token, or as the password of HTTP Basic (user
/// `operator`), which browsers ask for on their own. Staff present their session cookie (signed in
/// with password and TOTP at `/staff/login`) and must hold the route's permission (`AdminAccess`);
/// services still check the actor themselves.
struct OperatorAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.isOperator = Self.matches(request.headers[.authorization], token: token)
        let path = request.uri.path
        let protected = path == "/admin" || path.hasPrefix("/admin/") || path.hasPrefix("/api/v1/admin/")
        if protected && !context.isOperator, let staff = context.staff {
            guard AdminAccess.allows(staff, request.method, path) else {
                throw DomainError(
                    .forbidden, code: "auth.permission-required", title: "无权访问",
                    detail: "您的角色没有使用此功能的权限，如需开通请联系系统管理员。")
            }
            return try await next(request, context)
        }
        if protected && !context.isOperator {
            if ErrorMiddleware.wantsJSON(request) {
                var response = Problem(
                    status: 401, code: "auth.operator-required", title: "需要运维凭证",
                    detail: "此接口仅供运维人员使用，请在 Authorization 头中提供运维令牌（Bearer）。", instance: path,
                    requestId: context.requestID
                ).response()
                response.headers[.wwwAuthenticate] = "Bearer realm=\"zhengtong\""
                return response
            }
            return Response(
                status: .unauthorized,
                headers: [
                    .wwwAuthenticate: "Basic realm=\"zhengtong-operator\", charset=\"UTF-8\"",
                    .contentType: "text/plain; charset=utf-8",
                ],
                body: .init(byteBuffer: ByteBuffer(string: "需要登录：工作人员请到 /staff/login 登录；运维人员用户名 operator，密码为运维令牌。")))
        }
        return try await next(request, context)
    }

    static func matches(_ header: String?, token: String) -> Bool {
        guard let header, !token.isEmpty else { return false }
        var given: String?
        if header.hasPrefix("Bearer ") {
            given = String(header.dropFirst(7))
        } else if header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst(6))) {
            let pair = String(decoding: data, as: UTF8.self)
            if pair.hasPrefix("operator:") { given = String(pair.dropFirst(9)) }
        }
        guard let given else { return false }
        // Compare digests so the time taken does not depend on how much of the token matched.
        return SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(token.utf8))
    }
}
