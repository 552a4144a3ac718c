import Cases
import Foundation
import Hummingbird
import Identity
import Kernel
import Payments

/// The non-tax payments JSON API (非税支付): the payer's lookup, checkout and receipt by payment code
/// without logging in, the payer's own orders, the payee department's staff commands and
/// reconciliation, and the channels' notification endpoint.
///
/// `PaymentService` authorises every call; these routes only name the caller and map the answers.
enum PaymentAPIRoutes {
    typealias Models = PaymentAPIModels

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addPublic(to: router, dependencies: dependencies)
        addNotify(to: router, dependencies: dependencies)
        addPayer(to: router, dependencies: dependencies)
        addStaffOrders(to: router, dependencies: dependencies)
        addStaffCommands(to: router, dependencies: dependencies)
        addReconciliation(to: router, dependencies: dependencies)
    }

    /// The domain errors that are malformed requests rather than refused ones: a payment code that
    /// fails its format or check digit, a missing Idempotency-Key. They answer 400, not 422.
    static let badRequestCodes: Set<String> = ["payments.bad-code", "payments.idempotency-key-required"]

    /// Runs `body`, answering the errors of `badRequestCodes` as 400 problems with their Chinese text.
    static func mappingBadRequests(
        _ request: Request, _ context: AppRequestContext, _ body: () async throws -> Response
    ) async throws -> Response {
        try await StaffAPIAccess.mappingBadRequests(badRequestCodes, request, context, body)
    }

    /// Runs `body` for the staff member calling; 401 without a staff session, 403 for the operator
    /// token, which is no staff member and neither collects nor refunds.
    static func asStaff(
        _ request: Request, _ context: AppRequestContext, _ body: (StaffActor) async throws -> Response
    ) async throws -> Response {
        try await StaffAPIAccess.asStaff(
            request, context,
            refusal: "非税收入管理接口仅供执收部门的工作人员使用，请先到 /staff/login 登录；运维令牌不能收款或退款。", body)
    }

    /// Runs `body` for the person calling (session or OIDC bearer with `openid`), or answers 401.
    static func asPayer(
        _ request: Request, _ context: AppRequestContext, _ dependencies: WebDependencies,
        _ body: (CaseActor, UUID) async throws -> Response
    ) async throws -> Response {
        guard
            let actor = try await CaseAPIAccess.applicant(request, context, oidc: dependencies.oidc),
            case .applicant(let accountID, _, _) = actor
        else { return CaseAPIAccess.applicantRequired(request, context) }
        return try await body(actor, accountID)
    }

    /// The `{id}` path parameter as an order id; a malformed one is simply not found, like an order
    /// the caller may not see.
    static func orderID(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw PaymentService.notFound()
        }
        return id
    }

    /// The `{code}` path parameter: the 20-digit payment code as typed (the service checks it).
    static func code(_ context: AppRequestContext) -> String {
        context.parameters.get("code") ?? ""
    }

    /// An answer that no cache may keep: payment state changes, and some answers name the payer.
    static func uncached(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try JSONResponse.make(value, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
