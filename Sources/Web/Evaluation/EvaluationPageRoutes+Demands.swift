import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationPageRoutes {
    /// 我的诉求 for a signed-in person: the form and the list with each department's response.
    static func addDemands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation
        router.get("/me/demands") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            var typed = EvaluationPageDemands.Typed()
            typed.itemCode = EvaluationPageFormat.kept(value(request.uri.queryParameters["item"].map(String.init)), 64)
            return try await demandsPage(
                EvaluationPageFormat.citizen(session, request, context), request, context, dependencies, typed: typed,
                notice: notice(request))
        }
        router.post("/me/demands") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            let form = try await request.formFields(context)
            var typed = EvaluationPageDemands.Typed()
            typed.theme = EvaluationPageFormat.kept(form["theme"], 30)
            typed.itemCode = EvaluationPageFormat.kept(value(form["itemCode"]), 64)
            typed.departmentID = EvaluationPageFormat.kept(form["department"], 40)
            typed.content = EvaluationPageFormat.kept(form["content"], 1100)
            do {
                guard let theme = DemandTheme(rawValue: typed.theme) else {
                    throw DomainError(
                        .invalid, code: "evaluation.theme", title: "请选择诉求类型", detail: "请选择您希望改进的方面，如“希望网上可办”。")
                }
                _ = try await evaluation.submitDemand(
                    theme: theme, itemCode: value(typed.itemCode), departmentID: try departmentID(typed.departmentID),
                    content: typed.content, by: citizen)
                return CasePageRoutes.redirect("/me/demands?done=demand")
            } catch let error as DomainError where error.kind != .unauthenticated && error.kind != .forbidden {
                return try await demandsPage(citizen, request, context, dependencies, typed: typed, error: error)
            }
        }
    }

    /// 我的诉求 with the form holding `typed`, and a notice or the error of a refused form.
    static func demandsPage(
        _ citizen: Citizen, _ request: Request, _ context: AppRequestContext, _ dependencies: WebDependencies,
        typed: EvaluationPageDemands.Typed, notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        var page = EvaluationPageDemands(
            layout: dependencies.renderer.layout("我的诉求", request, context),
            demands: try await dependencies.evaluation.myDemands(citizen, limit: 200),
            departments: try await dependencies.organisation.publicDepartments(), typed: typed)
        page.notice = notice
        page.error = error
        return dependencies.renderer.render("evaluation-demands", page, status: CasePageRoutes.status(error))
    }
}
