import Cases
import CasesModel
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CaseBundleRoutes {
    /// The applicant's 一件事 page and its commands: upload a shared material, submit every part.
    static func addMine(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.get("/me/bundles/{id}") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let id = try CaseAPIAccess.id(context)
            let notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            return try await page(id, request, context, session, dependencies, notice: notice)
        }

        /// Runs `body` for the signed-in applicant of bundle `id`; a refusal is shown on the bundle page.
        @Sendable func command(
            _ request: Request, _ context: AppRequestContext,
            _ body: @Sendable (UUID, CaseActor, Request) async throws -> String
        ) async throws -> Response {
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let id = try CaseAPIAccess.id(context)
            do {
                let actor = CasePageFormat.applicant(session, request, context)
                return CasePageRoutes.redirect(try await body(id, actor, request))
            } catch let error as DomainError where error.kind != .notFound {
                return try await page(id, request, context, session, dependencies, error: error)
            }
        }

        router.post("/me/bundles/{id}/materials") { request, context in
            try await command(request, context) { id, actor, request in
                let upload = try await CaseBundleUpload.read(request, context)
                _ = try await cases.attachBundleMaterial(
                    id, materialName: upload.materialName, fileName: upload.fileName, mediaType: upload.mediaType,
                    content: upload.content, by: actor)
                return "/me/bundles/\(id.uuidString)?done=uploaded"
            }
        }
        router.post("/me/bundles/{id}/submit") { request, context in
            try await command(request, context) { id, actor, _ in
                _ = try await cases.submitBundle(id, by: actor)
                return "/me/bundles/\(id.uuidString)"
            }
        }
    }

    /// The applicant's page of bundle `id`, with a notice or the error of a refused command.
    static func page(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, _ session: SessionInfo,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let actor = CasePageFormat.applicant(session, request, context)
        let bundle = try await dependencies.cases.bundle(id, by: actor)
        var guides: [UUID: ItemGuide] = [:]
        var received: [UUID: [CaseMaterial]] = [:]
        for part in bundle.parts {
            guides[part.id] = try await dependencies.catalog.guide(itemID: part.itemID, version: part.itemVersion)
            received[part.id] = try await dependencies.cases.materials(part.id, by: actor)
        }
        var page = CaseBundleDetail(
            layout: dependencies.renderer.layout(bundle.name, request, context), bundle: bundle, guides: guides,
            received: received, departments: try await dependencies.catalog.departmentNames())
        page.notice = notice
        page.error = error
        return dependencies.renderer.render("case-bundle-detail", page, status: CasePageRoutes.status(error))
    }
}
