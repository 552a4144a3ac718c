import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationPageRoutes {
    /// 好差评排行 for everyone: by department, item or window, for a period and a department.
    /// Filters that do not parse are answered on the page (400) with the filters kept.
    static func addPublic(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let evaluation = dependencies.evaluation
        router.get("/evaluation") { request, context in
            let query = request.uri.queryParameters
            let (from, to) = period(request, today: CalendarDay.today(dependencies.clock))
            let departments = try await dependencies.organisation.publicDepartments()
            let layout = renderer.layout("好差评", request, context)
            let typedDimension = value(query["dimension"].map(String.init)) ?? ScoreboardDimension.department.rawValue
            let dimension = ScoreboardDimension(rawValue: typedDimension) ?? .department
            var department: UUID?
            do {
                guard ScoreboardDimension(rawValue: typedDimension) != nil else {
                    throw DomainError(
                        .invalid, code: "evaluation.bad-dimension", title: "统计维度有误",
                        detail: "请选择按部门、按事项或按服务窗口统计。")
                }
                department = try departmentID(query["department"].map(String.init))
                let scoreboard = try await evaluation.scoreboard(
                    dimension, from: try CalendarDay(parsing: from), to: try CalendarDay(parsing: to),
                    departmentID: department)
                let page = EvaluationPageScoreboard(
                    layout: layout, dimension: dimension, from: from, to: to, departmentID: department,
                    departments: departments, scoreboard: scoreboard)
                return renderer.render("evaluation-scoreboard", page)
            } catch let error as DomainError where error.kind == .invalid {
                var page = EvaluationPageScoreboard(
                    layout: layout, dimension: dimension, from: from, to: to, departmentID: department,
                    departments: departments, scoreboard: nil)
                page.error = error
                return renderer.render("evaluation-scoreboard", page, status: .badRequest)
            }
        }
    }
}
