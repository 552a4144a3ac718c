import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CasePageRoutes {
    /// 我的办件: the list, a case's page, its receipt and its uploaded files.
    static func addMine(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let cases = dependencies.cases
        router.get("/me/cases") { request, context in
            guard let session = context.session else { return login(request.uri.path) }
            let page = CasePageList(
                layout: renderer.layout("我的办件", request, context), records: try await cases.myCases(session.personID))
            return renderer.render("case-list", page)
        }
        router.get("/me/cases/{id}") { request, context in
            guard let session = context.session else { return login(request.uri.path) }
            let id = try context.parameters.require("id", as: UUID.self)
            let notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            return try await detailPage(id, request, context, session, dependencies, notice: notice)
        }
        router.get("/me/cases/{id}/receipt") { request, context in
            guard let session = context.session else { return login(request.uri.path) }
            let id = try context.parameters.require("id", as: UUID.self)
            let detail = try await cases.detail(id, by: CasePageFormat.applicant(session, request, context))
            guard detail.record.number != nil else { return redirect("/me/cases/\(id.uuidString)") }
            let page = CasePageReceipt(
                layout: renderer.layout("申请回执", request, context), detail: detail,
                department: try await dependencies.catalog.departmentNames()[detail.record.departmentID] ?? "",
                back: "/me/cases/\(id.uuidString)")
            return renderer.render("case-receipt", page)
        }
        router.get("/me/cases/{id}/materials/{sha}") { request, context in
            guard let session = context.session else { return login(request.uri.path) }
            let id = try context.parameters.require("id", as: UUID.self)
            let sha = context.parameters.get("sha") ?? ""
            guard CasePageFormat.isDigest(sha) else { throw HTTPError(.notFound) }
            let actor = CasePageFormat.applicant(session, request, context)
            let (blob, data) = try await cases.materialFile(id, sha256: sha, by: actor)
            let name = try await cases.materials(id, by: actor).first { $0.sha256 == sha }?.fileName ?? "material"
            return CasePageFormat.download(blob, data: data, fileName: name)
        }
    }

    /// The applicant's page of case `id`, with a notice or the error of a refused command.
    static func detailPage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, _ session: SessionInfo,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let renderer = dependencies.renderer
        let detail = try await dependencies.cases.detail(id, by: CasePageFormat.applicant(session, request, context))
        let record = detail.record
        let guide = try await dependencies.catalog.guide(itemID: record.itemID, version: record.itemVersion)
        var page = CasePageDetail(
            layout: renderer.layout("办件详情：\(record.itemName)", request, context), detail: detail, guide: guide,
            department: try await dependencies.catalog.departmentNames()[record.departmentID] ?? "",
            base: "/me/cases/\(id.uuidString)")
        page.notice = notice
        page.error = error
        page.payments = await PaymentPageRoutes.caseSection(
            id, by: CasePageFormat.applicant(session, request, context), applicant: true, dependencies)
        return renderer.render("case-detail", page, status: status(error))
    }
}
