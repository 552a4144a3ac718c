import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

extension EvaluationPageRoutes {
    /// 留言办理 for staff: the list (and the phone record for supervisors), one message, its answer
    /// and 转为常见问题. A refusal is shown on the page the form came from, with what was typed.
    static func addStaffMessages(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation
        router.get("/staff/evaluation/messages") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let state = request.uri.queryParameters["state"].flatMap { InteractionState(rawValue: String($0)) }
            return try await staffMessagesPage(state, request, context, staff, dependencies)
        }
        router.post("/staff/evaluation/messages") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let form = try await request.formFields(context)
            var typed = EvaluationPageStaffMessages.Typed()
            typed.message = newMessageTyped(form)
            typed.contactName = EvaluationPageFormat.kept(form["contactName"], 30)
            do {
                let recorded = try await evaluation.record(
                    try newInteraction(typed.message, contactName: typed.contactName), by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/messages/\(recorded.id.uuidString)?done=recorded")
            } catch let error as DomainError {
                return try await staffMessagesPage(
                    nil, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
        router.get("/staff/evaluation/messages/{id}") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            return try await staffMessagePage(
                try id(context, "留言"), request, context, staff, dependencies, notice: notice(request))
        }
        router.post("/staff/evaluation/messages/{id}/answer") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "留言")
            let form = try await request.formFields(context)
            do {
                _ = try await evaluation.answer(message: id, form["answer"] ?? "", by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/messages/\(id.uuidString)?done=message-answered")
            } catch let error as DomainError where error.kind != .notFound {
                return try await staffMessagePage(id, request, context, staff, dependencies, error: error, typed: form)
            }
        }
        router.post("/staff/evaluation/messages/{id}/faq") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context, "留言")
            let form = try await request.formFields(context)
            do {
                _ = try await evaluation.publishFAQ(
                    from: id, question: form["question"] ?? "", answer: form["faqAnswer"] ?? "", by: staff.actor)
                return CasePageRoutes.redirect("/staff/evaluation/messages/\(id.uuidString)?done=faq")
            } catch let error as DomainError where error.kind != .notFound {
                return try await staffMessagePage(id, request, context, staff, dependencies, error: error, typed: form)
            }
        }
    }

    /// The staff list of messages in `state`, with the error of a refused phone record.
    static func staffMessagesPage(
        _ state: InteractionState?, _ request: Request, _ context: AppRequestContext, _ staff: StaffContext,
        _ dependencies: WebDependencies, error: DomainError? = nil, typed: EvaluationPageStaffMessages.Typed = .init()
    ) async throws -> Response {
        var page = EvaluationPageStaffMessages(
            layout: dependencies.renderer.layout("留言办理", request, context),
            messages: try await dependencies.evaluation.messages(state: state, limit: 300, by: staff.actor),
            state: state, canRecord: staff.permissions.contains(.evaluationSupervise),
            departments: try await dependencies.organisation.publicDepartments(),
            today: CalendarDay.today(dependencies.clock), typed: typed)
        page.error = error
        return dependencies.renderer.render("evaluation-staff-messages", page, status: CasePageRoutes.status(error))
    }

    /// The staff page of message `id`, with a notice or the error of a refused form and what it held.
    static func staffMessagePage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, _ staff: StaffContext,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil,
        typed: [String: String] = [:]
    ) async throws -> Response {
        let message = try await dependencies.evaluation.message(id, by: staff.actor)
        var page = EvaluationPageStaffMessage(
            layout: dependencies.renderer.layout("留言：\(message.title)", request, context), interaction: message,
            permissions: staff.permissions, today: CalendarDay.today(dependencies.clock), typed: typed)
        page.notice = notice
        page.error = error
        page.reminders = try await dependencies.evaluation.reminders(of: id, by: staff.actor)
            .map(EvaluationPageReminderLine.init)
        return dependencies.renderer.render("evaluation-staff-message", page, status: CasePageRoutes.status(error))
    }
}
