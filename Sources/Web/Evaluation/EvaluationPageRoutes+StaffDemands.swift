import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationPageRoutes {
    /// 诉求办理 for staff: grouped counts and a response form per demand; a refused response is
    /// shown beside its demand with what was typed.
    static func addStaffDemands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let evaluation = dependencies.evaluation
        router.get("/staff/evaluation/demands") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            var page = EvaluationPageStaffDemands(
                layout: renderer.layout("诉求办理", request, context),
                demands: try await evaluation.demands(limit: 300, by: staff.actor))
            page.notice = notice(request)
            return renderer.render("evaluation-staff-demands", page)
        }
        router.post("/staff/evaluation/demands/{id}/response") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "诉求")
            let form = try await request.formFields(context)
            do {
                guard let state = DemandState(rawValue: form["state"] ?? ""), state != .open else {
                    throw DomainError(
                        .invalid, code: "evaluation.demand-state", title: "请选择处理结果", detail: "请选择“已纳入计划”“已实现”或“暂不采纳”。")
                }
                _ = try await evaluation.respond(
                    toDemand: id, state: state, response: form["response"] ?? "", by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/demands?done=responded#demand-\(id.uuidString)")
            } catch let error as DomainError where error.kind != .notFound {
                let page = EvaluationPageStaffDemands(
                    layout: renderer.layout("诉求办理", request, context),
                    demands: try await evaluation.demands(limit: 300, by: staff.actor), refused: (id, error, form))
                return renderer.render("evaluation-staff-demands", page, status: CasePageRoutes.status(error))
            }
        }
    }
}
