import Cases
import CasesModel
import Foundation
import Hummingbird

extension CaseAPIRoutes {
    /// The applicant's commands on a case: submit, answer a correction, withdraw.
    static func addApplicantCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.post("/api/v1/cases/{id}/submit") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                try caseResponse(try await cases.submit(try CaseAPIAccess.id(context), by: actor))
            }
        }
        router.post("/api/v1/cases/{id}/correction") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                try caseResponse(try await cases.answerCorrection(try CaseAPIAccess.id(context), by: actor))
            }
        }
        router.post("/api/v1/cases/{id}/withdraw") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                let id = try CaseAPIAccess.id(context)
                let body = try await CaseAPIRequest.optionalJSON(
                    request, as: Models.Note.self, fallback: Models.Note(), context: context)
                return try caseResponse(try await cases.withdraw(id, reason: body.reason ?? "", by: actor))
            }
        }
    }
}
