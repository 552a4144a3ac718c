import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

extension EvaluationPageRoutes {
    /// One rectification ticket for staff, and its steps: 回访核实, 反馈, the supervisor's 复核, and
    /// the audited 查看联系方式. A refusal is shown on the ticket's page with what was typed.
    static func addStaffTickets(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation
        router.get("/staff/evaluation/rectifications/{id}") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            return try await ticketPage(
                try id(context, "整改单"), request, context, staff, dependencies, notice: notice(request))
        }
        router.post("/staff/evaluation/rectifications/{id}/callback") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "整改单")
            let form = try await request.formFields(context)
            let typed = EvaluationPageStaffTicket.Typed(form)
            do {
                guard typed.verifiedYes || typed.verifiedNo else {
                    throw DomainError(
                        .invalid, code: "evaluation.verified-missing", title: "请选择核实结果",
                        detail: "请选择反映的问题“属实”或“不属实”。")
                }
                let deadline = try value(typed.deadline).map { try CalendarDay(parsing: $0) }
                _ = try await evaluation.callBack(
                    id, verified: typed.verifiedYes, note: typed.note, plan: value(typed.plan), deadline: deadline,
                    by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/rectifications/\(id.uuidString)?done=called-back")
            } catch let error as DomainError where error.kind != .notFound {
                return try await ticketPage(id, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
        router.post("/staff/evaluation/rectifications/{id}/answer") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "整改单")
            let typed = EvaluationPageStaffTicket.Typed(try await request.formFields(context))
            do {
                _ = try await evaluation.answer(id, feedback: typed.feedback, by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/rectifications/\(id.uuidString)?done=answered")
            } catch let error as DomainError where error.kind != .notFound {
                return try await ticketPage(id, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
        router.post("/staff/evaluation/rectifications/{id}/appeal-decision") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "整改单")
            let typed = EvaluationPageStaffTicket.Typed(try await request.formFields(context))
            do {
                guard typed.upheldYes || typed.upheldNo else {
                    throw DomainError(
                        .invalid, code: "evaluation.upheld-missing", title: "请选择复核结论",
                        detail: "请选择申诉“成立”（部门重新整改）或“不成立”（办结）。")
                }
                _ = try await evaluation.decideAppeal(
                    id, upheld: typed.upheldYes, note: typed.reviewNote, by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/rectifications/\(id.uuidString)?done=decided")
            } catch let error as DomainError where error.kind != .notFound {
                return try await ticketPage(id, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
        // The contact is shown on this response only, never in a URL or on a later page.
        router.post("/staff/evaluation/rectifications/{id}/contact") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "整改单")
            do {
                let contact = try await evaluation.revealContact(id, by: staff.actor)
                return try await ticketPage(
                    id, request, context, staff, dependencies,
                    revealed: .init(name: contact.name, phone: contact.phone))
            } catch let error as DomainError where error.kind != .notFound {
                return try await ticketPage(id, request, context, staff, dependencies, error: error)
            }
        }
    }

    /// The staff page of ticket `id`, with a notice, the error of a refused form, what it held, or
    /// the contact just revealed.
    static func ticketPage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, _ staff: StaffContext,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil,
        typed: EvaluationPageStaffTicket.Typed = .init(), revealed: EvaluationPageStaffTicket.Contact? = nil
    ) async throws -> Response {
        let ticket = try await dependencies.evaluation.rectification(id, by: staff.actor)
        var page = EvaluationPageStaffTicket(
            layout: dependencies.renderer.layout("差评整改：\(ticket.itemName)", request, context), ticket: ticket,
            permissions: staff.permissions, today: CalendarDay.today(dependencies.clock),
            rectificationWorkdays: dependencies.evaluation.settings.rectificationWorkdays, typed: typed)
        page.notice = notice
        page.error = error
        page.revealed = revealed
        page.reminders = try await dependencies.evaluation.reminders(of: id, by: staff.actor)
            .map(EvaluationPageReminderLine.init)
        return dependencies.renderer.render("evaluation-staff-ticket", page, status: CasePageRoutes.status(error))
    }
}
