import Cases
import CasesModel
import Foundation
import Hummingbird

/// 办理流程 for the operator and staff who manage or publish items: the list of process
/// definitions and one definition with its steps and SVG diagram. Under /admin, so
/// `OperatorAuthMiddleware` admits only the operator and staff; the catalog permission is checked here.
enum CaseAdminRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let processes = dependencies.cases.processes
        router.get("/admin/processes") { request, context in
            if let problem = CaseAPIAccess.processReader(request, context) {
                return renderer.errorPage(problem, request: request, context: context)
            }
            let page = CaseAdminProcessListPage(
                layout: renderer.layout("办理流程", request, context), definitions: processes.latest)
            return renderer.render("case-admin-processes", page)
        }
        router.get("/admin/processes/{id}") { request, context in
            if let problem = CaseAPIAccess.processReader(request, context) {
                return renderer.errorPage(problem, request: request, context: context)
            }
            let definition = try CaseAPIRoutes.process(request, context, processes)
            let page = CaseAdminProcessPage(
                layout: renderer.layout(definition.name, request, context), definition: definition)
            return renderer.render("case-admin-process", page)
        }
    }
}
