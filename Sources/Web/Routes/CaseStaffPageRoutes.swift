import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

/// 办件工作台 for staff (queues, a case with its history and the decisions), and the 一窗受理
/// console for window clerks. The service checks every permission and data scope; the pages only
/// need a staff session and show a refusal on the page it came from.
enum CaseStaffPageRoutes {
    /// Who the pages are for, in the refusal shown to anyone else.
    static let audience = "办件工作台只供工作人员使用"

    /// The notices a redirect after a successful command may ask for; never text from the query.
    static let notices = [
        "claimed": "已认领任务。", "released": "已将任务退回队列。", "decided": "办理意见已提交。",
        "accepted": "已受理，办件已转入部门办理。", "accepted-pending": "已容缺受理，并告知申请人补交期限。",
        "rejected": "已不予受理，申请人将收到不予受理通知书。", "correction": "已发出一次性告知，计时暂停。",
        "paused": "已中止计时。", "resumed": "已恢复计时。", "extended": "已延长办理时限。",
    ]

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addWorkbench(to: router, dependencies: dependencies)
        addCase(to: router, dependencies: dependencies)
        addCaseCommands(to: router, dependencies: dependencies)
        addCounter(to: router, dependencies: dependencies)
    }

    /// `GET /staff/cases` and claiming or releasing a task.
    private static func addWorkbench(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        let renderer = dependencies.renderer

        @Sendable func workbench(
            _ request: Request, _ context: AppRequestContext, staff: StaffContext, error: DomainError? = nil
        ) async throws -> Response {
            var page = CaseStaffWorkbench(
                layout: renderer.layout("办件工作台", request, context), staffID: staff.session.staffID,
                mine: try await cases.queue(by: staff.actor, mine: true),
                queue: try await cases.queue(by: staff.actor), overdue: try await cases.overdue(by: staff.actor),
                canCounter: staff.permissions.contains(.casesIntake))
            page.notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            page.error = error
            return renderer.render("case-staff-workbench", page, status: CasePageRoutes.status(error))
        }

        router.get("/staff/cases") { request, context in
            try await workbench(request, context, staff: try context.requireStaff(for: audience))
        }
        for action in ["claim", "release"] {
            router.post("/staff/tasks/{id}/\(action)") { request, context in
                let staff = try context.requireStaff(for: audience)
                let id = try context.parameters.require("id", as: UUID.self)
                let form = try await request.formFields(context)
                do {
                    let task =
                        action == "claim"
                        ? try await cases.claim(id, by: staff.actor) : try await cases.release(id, by: staff.actor)
                    let done = action == "claim" ? "claimed" : "released"
                    return CasePageRoutes.redirect(
                        form["back"] == "case"
                            ? "/staff/cases/\(task.caseID.uuidString)?done=\(done)" : "/staff/cases?done=\(done)")
                } catch let error as DomainError where error.kind != .notFound {
                    return try await workbench(request, context, staff: staff, error: error)
                }
            }
        }
    }
}
