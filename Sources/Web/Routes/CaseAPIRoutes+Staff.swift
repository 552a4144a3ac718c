import Cases
import CasesModel
import Foundation
import Hummingbird

extension CaseAPIRoutes {
    /// The workbench reads: the queue, the overdue list and a case.
    static func addStaff(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.get("/api/v1/staff/cases/queue") { request, context in
            try await asStaff(request, context) { staff in
                let entries = try await cases.queue(
                    by: staff, mine: try CaseAPIRequest.flag(request, "mine"), limit: try request.limit(default: 200))
                return try JSONResponse.make(Models.Queue(items: entries.map(Models.QueueItem.init)))
            }
        }
        router.get("/api/v1/staff/cases/overdue") { request, context in
            try await asStaff(request, context) { staff in
                let records = try await cases.overdue(by: staff)
                return try JSONResponse.make(Models.CaseList(items: records.map(Models.Case.init)))
            }
        }
        router.get("/api/v1/staff/cases/{id}") { request, context in
            try await asStaff(request, context) { staff in
                let id = try CaseAPIAccess.id(context)
                let detail = try await cases.detail(id, by: .staff(staff))
                let form = try await cases.form(id, by: .staff(staff))
                return try JSONResponse.make(Models.Detail(detail, forStaff: true, form: form))
            }
        }
    }
}
