import Cases
import CasesModel
import CatalogModel
import Foundation
import Hummingbird
import Kernel

extension CaseBundleRoutes {
    /// `GET/POST /cases/bundles/{code}/apply`: one form for the whole 一件事; a valid form starts
    /// the bundle and the applicant goes on to upload the shared materials.
    static func addApply(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let cases = dependencies.cases

        @Sendable func form(_ context: AppRequestContext) async throws -> (BundleGuide, FormSchema) {
            let guide = try await dependencies.catalog.bundleGuide(code: try code(context))
            var processes: [ProcessDefinition] = []
            for item in guide.items {
                guard let process = cases.processes.definition(forItem: item.item.businessCode.rawValue) else {
                    throw DomainError(
                        .notFound, code: "cases.no-process", title: "一件事暂不能网上申请",
                        detail: "“\(item.guide.name)”没有配置网上办理流程，请到窗口办理。")
                }
                processes.append(process)
            }
            return (guide, CaseBundleApply.schema(processes))
        }

        // The bundle's guide page links here; it knows its own path, not the case pages'.
        router.get("/cases/bundles/{code}/apply") { request, context in
            guard context.session != nil else { return CasePageRoutes.login(request.uri.path) }
            let (guide, schema) = try await form(context)
            let page = CaseBundleApply(
                layout: renderer.layout("网上申请：\(guide.bundle.name)", request, context), action: request.uri.path,
                guide: guide, schema: schema, form: [:], problems: [])
            return renderer.render("case-bundle-apply", page)
        }
        router.post("/cases/bundles/{code}/apply") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let (guide, schema) = try await form(context)
            let pairs = URLEncodedForm.pairs(
                String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
            let data = CasePageApply.formData(pairs, schema: schema)
            let problems = schema.validate(data, today: CalendarDay(dependencies.clock.now()))
            var page = CaseBundleApply(
                layout: renderer.layout("网上申请：\(guide.bundle.name)", request, context), action: request.uri.path,
                guide: guide, schema: schema, form: data, problems: problems)
            guard problems.isEmpty else {
                page.error = DomainError(
                    .invalid, code: "cases.form-invalid", title: "申请表填写有误",
                    detail: "有\(problems.count)项需要修改，请按各项下方的提示修改后重新提交。")
                return renderer.render("case-bundle-apply", page, status: .unprocessableContent)
            }
            do {
                let bundle = try await cases.startBundle(
                    code: guide.bundle.code, form: data, by: CasePageFormat.applicant(session, request, context))
                return CasePageRoutes.redirect("/me/bundles/\(bundle.id.uuidString)?done=started")
            } catch let error as DomainError {
                page.error = error
                return renderer.render("case-bundle-apply", page, status: CasePageRoutes.status(error))
            }
        }
    }
}
