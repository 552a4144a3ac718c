import Cases
import CasesModel
import Foundation
import Hummingbird

extension CaseAPIRoutes {
    /// Workbench tasks: claim, release and decide. Of two clerks deciding one task at once exactly
    /// one succeeds; the other gets 409 `cases.task-decided`.
    static func addTasks(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.post("/api/v1/staff/tasks/{taskID}/claim") { request, context in
            try await asStaff(request, context) { staff in
                let task = try await cases.claim(try CaseAPIAccess.id(context, "taskID", task: true), by: staff)
                return try JSONResponse.make(Models.Task(task, forStaff: true))
            }
        }
        router.post("/api/v1/staff/tasks/{taskID}/release") { request, context in
            try await asStaff(request, context) { staff in
                let task = try await cases.release(try CaseAPIAccess.id(context, "taskID", task: true), by: staff)
                return try JSONResponse.make(Models.Task(task, forStaff: true))
            }
        }
        router.post("/api/v1/staff/tasks/{taskID}/decide") { request, context in
            try await asStaff(request, context) { staff in
                let id = try CaseAPIAccess.id(context, "taskID", task: true)
                let body = try await request.decodeJSON(as: Models.Decide.self, context: context)
                let record = try await cases.decide(
                    id, try body.taskDecision(), comment: body.comment ?? "", expectedRevision: body.expectedRevision,
                    by: staff)
                return try caseResponse(record)
            }
        }
    }
}
