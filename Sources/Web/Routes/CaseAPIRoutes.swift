import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity

/// The cases JSON API: the applicant's cases under /api/v1/cases, the staff workbench under
/// /api/v1/staff, the public progress query and figures, and process definitions (docs/cases-api.md).
/// The service authorises every command; these routes only name the actor.
enum CaseAPIRoutes {
    typealias Models = CaseAPIModels

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        // The fixed paths first, so they are never read as a case id.
        addPublic(to: router, dependencies: dependencies)
        addFigures(to: router, dependencies: dependencies)
        addApplicant(to: router, dependencies: dependencies)
        addApplicantCommands(to: router, dependencies: dependencies)
        addStaff(to: router, dependencies: dependencies)
        addStaffCommands(to: router, dependencies: dependencies)
        addTasks(to: router, dependencies: dependencies)
        addProcesses(to: router, dependencies: dependencies)
    }

    /// Runs `body` for the applicant calling, or answers 401.
    static func asApplicant(
        _ request: Request, _ context: AppRequestContext, _ dependencies: WebDependencies,
        _ body: (CaseActor) async throws -> Response
    ) async throws -> Response {
        guard let actor = try await CaseAPIAccess.applicant(request, context, oidc: dependencies.oidc) else {
            return CaseAPIAccess.applicantRequired(request, context)
        }
        return try await body(actor)
    }

    /// Runs `body` for the staff member calling, or answers 401 or 403.
    static func asStaff(
        _ request: Request, _ context: AppRequestContext, _ body: (StaffActor) async throws -> Response
    ) async throws -> Response {
        guard let staff = context.staff else { return CaseAPIAccess.staffRequired(request, context).response() }
        return try await body(staff.actor)
    }

    /// A case as the body of a command's answer.
    static func caseResponse(_ record: CaseRecord, status: HTTPResponse.Status = .ok) throws -> Response {
        try JSONResponse.make(Models.Case(record), status: status)
    }
}
