import Cases
import CasesModel
import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Kernel

extension CasePageRoutes {
    /// `GET/POST /cases/apply/{itemCode}`: the application form from the item's process schema;
    /// a valid form is saved as a draft and the applicant goes on to upload the materials.
    static func addApply(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let cases = dependencies.cases

        @Sendable func form(_ code: String) async throws -> (PublishedItem, ProcessDefinition) {
            let item = try await dependencies.catalog.publishedItem(code: code)
            guard let process = cases.processes.definition(forItem: code) else {
                throw DomainError(
                    .notFound, code: "cases.no-process", title: "事项暂不能网上申请", detail: "该事项没有配置网上办理流程，请到窗口办理。")
            }
            return (item, process)
        }

        router.get("/cases/apply/{itemCode}") { request, context in
            guard context.session != nil else { return login(request.uri.path) }
            let (item, process) = try await form(context.parameters.get("itemCode") ?? "")
            let chosen = CasePageApply.situations(
                request.uri.queryParameters[values: "situation"].map(String.init), guide: item.guide)
            let page = CasePageApply(
                layout: renderer.layout("网上申请：\(item.guide.name)", request, context), action: request.uri.path,
                item: item, schema: process.form, form: [:], chosen: Set(chosen), problems: [])
            return renderer.render("case-apply", page)
        }
        router.post("/cases/apply/{itemCode}") { request, context in
            guard let session = context.session else { return login(request.uri.path) }
            let code = context.parameters.get("itemCode") ?? ""
            let (item, process) = try await form(code)
            let pairs = URLEncodedForm.pairs(
                String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
            let data = CasePageApply.formData(pairs, schema: process.form)
            let situations = CasePageApply.situations(pairs.filter { $0.0 == "situation" }.map(\.1), guide: item.guide)
            let problems = process.form.validate(data, today: CalendarDay(dependencies.clock.now()))
            var page = CasePageApply(
                layout: renderer.layout("网上申请：\(item.guide.name)", request, context), action: request.uri.path,
                item: item, schema: process.form, form: data, chosen: Set(situations), problems: problems)
            guard problems.isEmpty else {
                page.error = DomainError(
                    .invalid, code: "cases.form-invalid", title: "申请表填写有误",
                    detail: "有\(problems.count)项需要修改，请按各项下方的提示修改后重新提交。")
                return renderer.render("case-apply", page, status: .unprocessableContent)
            }
            do {
                let record = try await cases.saveDraft(
                    CaseApplication(itemCode: code, form: data, situations: situations),
                    by: CasePageFormat.applicant(session, request, context))
                return redirect("/me/cases/\(record.id.uuidString)?done=drafted")
            } catch let error as DomainError {
                page.error = error
                return renderer.render("case-apply", page, status: status(error))
            }
        }
    }
}
