import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CasePageRoutes {
    /// The applicant's commands on a case: upload a material, submit, answer a correction, withdraw.
    static func addMineCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases

        /// Runs `command` for the signed-in applicant of case `id`; a refusal is shown on the case page.
        @Sendable func command(
            _ request: Request, _ context: AppRequestContext,
            _ body: @Sendable (UUID, CaseActor, Request) async throws -> String
        ) async throws -> Response {
            guard let session = context.session else { return login(request.uri.path) }
            let id = try context.parameters.require("id", as: UUID.self)
            do {
                return redirect(try await body(id, CasePageFormat.applicant(session, request, context), request))
            } catch let error as DomainError where error.kind != .notFound {
                return try await detailPage(id, request, context, session, dependencies, error: error)
            }
        }

        router.post("/me/cases/{id}/materials") { request, context in
            try await command(request, context) { id, actor, request in
                let upload = try await CasePageUpload.read(request, context)
                try await cases.attachMaterial(
                    id, materialCode: upload.materialCode, fileName: upload.fileName, mediaType: upload.mediaType,
                    content: upload.content, by: actor)
                return "/me/cases/\(id.uuidString)?done=uploaded"
            }
        }
        router.post("/me/cases/{id}/submit") { request, context in
            try await command(request, context) { id, actor, _ in
                _ = try await cases.submit(id, by: actor)
                return "/me/cases/\(id.uuidString)/receipt"
            }
        }
        router.post("/me/cases/{id}/correction") { request, context in
            try await command(request, context) { id, actor, _ in
                _ = try await cases.answerCorrection(id, by: actor)
                return "/me/cases/\(id.uuidString)?done=corrected"
            }
        }
        router.post("/me/cases/{id}/withdraw") { request, context in
            try await command(request, context) { id, actor, request in
                let form = try await request.formFields(context)
                _ = try await cases.withdraw(id, reason: form["reason"] ?? "", by: actor)
                return "/me/cases/\(id.uuidString)?done=withdrawn"
            }
        }
    }
}
