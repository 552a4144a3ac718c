import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationPageRoutes {
    /// 窗口评价 from the staff case page: records the counter visit and shows the one-time code and
    /// its QR. A refusal is shown on the case page.
    static func addCounterCode(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        router.post("/staff/cases/{id}/counter-rating") { request, context in
            let staff = try context.requireStaff(for: CaseStaffPageRoutes.audience)
            let id = try id(context, "办件")
            let form = try await request.formFields(context)
            do {
                let (rating, code) = try await dependencies.evaluation.openCounterRating(
                    caseID: id, window: form["window"] ?? "", by: CasePageFormat.counter(staff, context))
                let page = EvaluationPageCounterCode(
                    layout: dependencies.renderer.layout("窗口评价", request, context), rating: rating, code: code,
                    base: dependencies.oidc.issuer.value)
                return dependencies.renderer.render("evaluation-counter-code", page)
            } catch let error as DomainError where error.kind != .notFound {
                return try await CaseStaffPageRoutes.casePage(
                    id, request, context, staff: staff, dependencies, error: error)
            }
        }
    }
}
