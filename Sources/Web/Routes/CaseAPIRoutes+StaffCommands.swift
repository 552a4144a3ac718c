import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CaseAPIRoutes {
    /// Intake and clock commands on a case: accept, 容缺受理, reject, 一次性告知, pause, resume, extend.
    static func addStaffCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        /// Registers POST /api/v1/staff/cases/{id}/`action`, answering with the changed case.
        func command(
            _ action: String,
            _ body: @escaping @Sendable (UUID, Request, AppRequestContext, StaffActor) async throws -> CaseRecord
        ) {
            router.post("/api/v1/staff/cases/{id}/\(action)") { request, context in
                try await asStaff(request, context) { staff in
                    try caseResponse(try await body(try CaseAPIAccess.id(context), request, context, staff))
                }
            }
        }
        command("accept") { id, request, context, staff in
            let note = try await CaseAPIRequest.optionalJSON(
                request, as: Models.Note.self, fallback: Models.Note(), context: context)
            return try await cases.accept(id, comment: note.comment ?? "", by: staff)
        }
        command("accept-pending") { id, request, context, staff in
            let body = try await request.decodeJSON(as: Models.AcceptPending.self, context: context)
            return try await cases.acceptPending(
                id, materials: body.materials, promise: body.promise, due: try CalendarDay(parsing: body.due),
                by: staff)
        }
        command("reject") { id, request, context, staff in
            let note = try await request.decodeJSON(as: Models.Note.self, context: context)
            return try await cases.reject(id, reason: note.reason ?? "", by: staff)
        }
        command("correction-request") { id, request, context, staff in
            let body = try await request.decodeJSON(as: Models.CorrectionRequest.self, context: context)
            return try await cases.requestCorrection(id, items: body.items, by: staff)
        }
        command("pause") { id, request, context, staff in
            let body = try await request.decodeJSON(as: Models.Pause.self, context: context)
            return try await cases.pause(
                id, reason: try Models.pauseReason(body.reason), comment: body.comment ?? "", by: staff)
        }
        command("resume") { id, _, _, staff in
            try await cases.resume(id, by: staff)
        }
        command("extend") { id, request, context, staff in
            let body = try await request.decodeJSON(as: Models.Extend.self, context: context)
            return try await cases.extend(id, days: body.days, reason: body.reason, by: staff)
        }
    }
}
