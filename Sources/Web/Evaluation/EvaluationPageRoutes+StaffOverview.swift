import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

extension EvaluationPageRoutes {
    /// 好差评工作台 for staff and the list of ratings. The service decides which departments each
    /// staff member reaches; a staff member reaching none sees empty queues, not a refusal.
    static func addStaffOverview(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let evaluation = dependencies.evaluation
        router.get("/staff/evaluation") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let today = CalendarDay.today(dependencies.clock)
            let (from, to) = period(request, today: today)
            var lines: [ScoreboardLine] = []
            var refused: DomainError?
            do {
                let scoreboard = try await evaluation.scoreboard(
                    .department, from: try CalendarDay(parsing: from), to: try CalendarDay(parsing: to))
                let reach = try await reachable(staff, dependencies)
                lines = scoreboard.lines.filter { line in
                    guard let reach else { return true }
                    return UUID(uuidString: line.key).map(reach.contains) ?? false
                }
            } catch let error as DomainError where error.kind == .invalid {
                refused = error
            }
            var page = EvaluationPageStaffOverview(
                layout: renderer.layout("好差评工作台", request, context), from: from, to: to, lines: lines,
                tickets: try await evaluation.rectifications(limit: 500, by: staff.actor),
                messages: try await evaluation.messages(state: .open, limit: 500, by: staff.actor),
                demands: try await evaluation.demands(limit: 500, by: staff.actor),
                isSupervisor: staff.permissions.contains(.evaluationSupervise), today: today)
            page.error = refused
            return renderer.render("evaluation-staff-overview", page, status: CasePageRoutes.status(refused))
        }
        router.get("/staff/evaluation/ratings") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let badOnly = request.uri.queryParameters["bad"] == "true"
            let ratings = try await evaluation.ratings(badOnly: badOnly, limit: 300, by: staff.actor)
            let tickets = try await evaluation.rectifications(limit: 500, by: staff.actor)
            let page = EvaluationPageStaffRatings(
                layout: renderer.layout("评价记录", request, context), ratings: ratings,
                tickets: Dictionary(tickets.map { ($0.ratingID, $0.id) }, uniquingKeysWith: { first, _ in first }),
                badOnly: badOnly)
            return renderer.render("evaluation-staff-ratings", page)
        }
    }

    /// The departments `staff` answers for or supervises; nil for every department.
    ///
    /// Read through the organisation's own rule, so the figures shown are those of the departments
    /// whose tickets the service lets this staff member handle.
    static func reachable(_ staff: StaffContext, _ dependencies: WebDependencies) async throws -> Set<UUID>? {
        let organisation = dependencies.organisation
        let actor = staff.actor
        return try await dependencies.database.read { sql in
            let respond = try await organisation.departments(reachableBy: actor, with: .evaluationRespond, sql: sql)
            let supervise = try await organisation.departments(reachableBy: actor, with: .evaluationSupervise, sql: sql)
            guard let respond, let supervise else { return nil }
            return respond.union(supervise)
        }
    }
}
