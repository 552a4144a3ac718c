import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

/// Who may call the cases API: the applicant through a session or an OIDC access token, staff
/// through their session, process readers with a catalog permission. The service checks each
/// command again; these only turn a missing credential into a 401 or 403 problem.
enum CaseAPIAccess {
    /// The applicant calling: a bearer token of an OIDC client (channel `third-party`) wins over the
    /// session cookie (channel `pc`); nil when neither is valid.
    static func applicant(_ request: Request, _ context: AppRequestContext, oidc: OIDCProvider) async throws
        -> CaseActor?
    {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            guard let grant = try await oidc.bearer(String(header.dropFirst(7))), grant.scopes.contains("openid")
            else { return nil }
            return .applicant(accountID: grant.personID, channel: .thirdParty, clientAddress: context.clientAddress)
        }
        guard let session = context.session else { return nil }
        return .applicant(accountID: session.personID, channel: .pc, clientAddress: context.clientAddress)
    }

    /// The 401 answer when no applicant credential came with the request.
    static func applicantRequired(_ request: Request, _ context: AppRequestContext) -> Response {
        var response = Problem(
            status: 401, code: "auth.person-required", title: "需要登录",
            detail: "请先登录政通账号，或在 Authorization 头中提供通过政通统一身份认证获得的访问令牌（Bearer，含 openid 范围）。",
            instance: request.uri.path, requestId: context.requestID
        ).response()
        response.headers[.wwwAuthenticate] = #"Bearer realm="zhengtong""#
        return response
    }

    /// The 401 problem when nobody signed in as staff, or the 403 problem for the operator token,
    /// which is no staff member and handles no cases.
    static func staffRequired(_ request: Request, _ context: AppRequestContext) -> Problem {
        Problem(
            status: context.isOperator ? 403 : 401, code: "auth.staff-required", title: "请以工作人员身份登录",
            detail: "办件办理接口仅供工作人员使用，请先到 /staff/login 登录；运维令牌不能办理办件。", instance: request.uri.path,
            requestId: context.requestID)
    }

    /// Whether the caller may read process definitions: the operator, or staff holding
    /// catalog.manage or catalog.publish. Nil when allowed, else the problem to answer.
    static func processReader(_ request: Request, _ context: AppRequestContext) -> Problem? {
        if context.isOperator { return nil }
        guard let staff = context.staff else {
            return Problem(
                status: 401, code: "auth.staff-required", title: "请以工作人员身份登录",
                detail: "流程定义仅供事项管理人员查看，请先到 /staff/login 登录。", instance: request.uri.path,
                requestId: context.requestID)
        }
        guard staff.permissions.contains(.catalogManage) || staff.permissions.contains(.catalogPublish) else {
            return Problem(
                status: 403, code: "auth.permission-required", title: "无权访问",
                detail: "查看流程定义需要事项管理（catalog.manage）或事项审核发布（catalog.publish）权限。", instance: request.uri.path,
                requestId: context.requestID)
        }
        return nil
    }

    /// The `{name}` path parameter as a case or task id; a malformed one is simply not found, like
    /// an id the caller may not see.
    static func id(_ context: AppRequestContext, _ name: String = "id", task: Bool = false) throws -> UUID {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else {
            throw task
                ? DomainError(.notFound, code: "cases.task-not-found", title: "任务不存在", detail: "没有找到这个任务，或您无权办理。")
                : DomainError(.notFound, code: "cases.not-found", title: "办件不存在", detail: "没有找到这个办件，或您无权查看。")
        }
        return id
    }
}
