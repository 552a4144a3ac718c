import Cases
import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

/// The 好差评 and 政民互动 JSON API: the public scoreboard, indicator sets, FAQs, demand summary
/// and the counter's evaluation device; the person's own ratings, rectification tickets, messages
/// and demands; and the departments' and supervisors' work on them.
///
/// `EvaluationService` authorises every call; these routes only name the caller and map the
/// answers. A malformed body or query value is a 400 problem, a refused rule a 422.
enum EvaluationAPIRoutes {
    typealias Models = EvaluationAPIModels

    /// Registers every route of the evaluation API.
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addPublic(to: router, dependencies: dependencies)
        addCitizenRatings(to: router, dependencies: dependencies)
        addCitizenMessages(to: router, dependencies: dependencies)
        addStaffRatings(to: router, dependencies: dependencies)
        addStaffMessages(to: router, dependencies: dependencies)
    }

    /// The domain errors that are malformed requests rather than refused ones: a day, dimension,
    /// department id, state, flag or limit that does not parse, and a period that runs backwards
    /// or too long. They answer 400, not 422.
    static let badRequestCodes: Set<String> = [
        "calendar.invalid-day", "request.bad-dimension", "request.bad-department", "request.bad-state",
        "request.bad-flag", "request.bad-limit", "evaluation.period",
    ]

    /// Runs `body`, answering the errors of `badRequestCodes` as 400 problems with their Chinese text.
    static func answering(
        _ request: Request, _ context: AppRequestContext, _ body: () async throws -> Response
    ) async throws -> Response {
        try await StaffAPIAccess.mappingBadRequests(badRequestCodes, request, context, body)
    }

    /// Runs `body` for the staff member calling (401 without a staff session, 403 for the operator
    /// token), with the bad requests answered as 400.
    static func asStaff(
        _ request: Request, _ context: AppRequestContext, _ body: (StaffActor) async throws -> Response
    ) async throws -> Response {
        try await StaffAPIAccess.asStaff(
            request, context, refusal: "好差评与政民互动的办理接口仅供工作人员使用，请先到 /staff/login 登录；运维令牌不能办理。"
        ) { staff in try await answering(request, context) { try await body(staff) } }
    }

    /// Runs `body` for the person calling (session or OIDC bearer with `openid`), or answers 401.
    static func asCitizen(
        _ request: Request, _ context: AppRequestContext, _ dependencies: WebDependencies,
        _ body: (Citizen) async throws -> Response
    ) async throws -> Response {
        guard
            let actor = try await CaseAPIAccess.applicant(request, context, oidc: dependencies.oidc),
            case .applicant(let accountID, let channel, let address) = actor
        else { return CaseAPIAccess.applicantRequired(request, context) }
        let citizen = Citizen(accountID: accountID, channel: channel.rawValue, clientAddress: address)
        return try await answering(request, context) { try await body(citizen) }
    }

    /// The `{name}` path parameter as an id; a malformed one is simply not found, like a record the
    /// caller may not see. `what` names the record in the problem.
    static func id(_ context: AppRequestContext, _ what: String, _ name: String = "id") throws -> UUID {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else {
            throw DomainError(
                .notFound, code: "evaluation.not-found", title: "\(what)不存在", detail: "没有找到这条\(what)，或您无权查看。")
        }
        return id
    }

    /// An answer that no cache may keep: ratings and messages change, and many name their person.
    static func uncached(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try JSONResponse.make(value, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
