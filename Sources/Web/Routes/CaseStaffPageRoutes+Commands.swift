import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CaseStaffPageRoutes {
    /// Intake (accept, 容缺受理, 不予受理, 一次性告知) and the clock (pause, resume, extend).
    static func addCaseCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases

        /// Runs `body` on case `id` for the staff member; a refusal is shown on the case page.
        @Sendable func command(
            _ request: Request, _ context: AppRequestContext, done: String,
            _ body: @Sendable (UUID, StaffActor, [(String, String)]) async throws -> Void
        ) async throws -> Response {
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let pairs = URLEncodedForm.pairs(
                String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
            do {
                try await body(id, staff.actor, pairs)
                return CasePageRoutes.redirect("/staff/cases/\(id.uuidString)?done=\(done)")
            } catch let error as DomainError where error.kind != .notFound {
                return try await casePage(id, request, context, staff: staff, dependencies, error: error)
            }
        }

        @Sendable func value(_ pairs: [(String, String)], _ key: String) -> String {
            pairs.last { $0.0 == key }?.1 ?? ""
        }

        router.post("/staff/cases/{id}/accept") { request, context in
            try await command(request, context, done: "accepted") { id, staff, form in
                _ = try await cases.accept(id, comment: value(form, "comment"), by: staff)
            }
        }
        router.post("/staff/cases/{id}/accept-pending") { request, context in
            try await command(request, context, done: "accepted-pending") { id, staff, form in
                let due = try CalendarDay(parsing: value(form, "due").trimmingCharacters(in: .whitespaces))
                _ = try await cases.acceptPending(
                    id, materials: form.filter { $0.0 == "material" }.map(\.1), promise: value(form, "promise"),
                    due: due, by: staff)
            }
        }
        router.post("/staff/cases/{id}/reject") { request, context in
            try await command(request, context, done: "rejected") { id, staff, form in
                _ = try await cases.reject(id, reason: value(form, "reason"), by: staff)
            }
        }
        router.post("/staff/cases/{id}/correction") { request, context in
            try await command(request, context, done: "correction") { id, staff, form in
                // One line per material with a problem written next to it; names come from the guide.
                let items = form.filter {
                    $0.0.hasPrefix("problem-") && !$0.1.trimmingCharacters(in: .whitespaces).isEmpty
                }
                .map { CorrectionItem(materialCode: String($0.0.dropFirst(8)), materialName: "", problem: $0.1) }
                _ = try await cases.requestCorrection(id, items: items, by: staff)
            }
        }
        router.post("/staff/cases/{id}/pause") { request, context in
            try await command(request, context, done: "paused") { id, staff, form in
                let reason = PauseReason(rawValue: value(form, "reason")) ?? .suspension
                _ = try await cases.pause(id, reason: reason, comment: value(form, "comment"), by: staff)
            }
        }
        router.post("/staff/cases/{id}/resume") { request, context in
            try await command(request, context, done: "resumed") { id, staff, _ in
                _ = try await cases.resume(id, by: staff)
            }
        }
        router.post("/staff/cases/{id}/extend") { request, context in
            try await command(request, context, done: "extended") { id, staff, form in
                guard let days = Int(value(form, "days").trimmingCharacters(in: .whitespaces)) else {
                    throw DomainError(
                        .invalid, code: "cases.extension-days", title: "延期天数有误", detail: "请填写1至60之间的整数天数。")
                }
                _ = try await cases.extend(id, days: days, reason: value(form, "reason"), by: staff)
            }
        }
    }
}
