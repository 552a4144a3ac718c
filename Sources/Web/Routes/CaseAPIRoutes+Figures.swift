import Cases
import CasesModel
import Foundation
import Hummingbird
import Kernel

extension CaseAPIRoutes {
    /// 办件统计 for everyone, as JSON and as a page with SVG charts: on-time rates against the
    /// legal and the promised limit, average counted days, correction, return and rejection rates
    /// per department and per item. Counts only; no personal data.
    static func addFigures(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        let renderer = dependencies.renderer
        let clock = dependencies.clock
        @Sendable func load(_ request: Request) async throws -> Models.Figures {
            let today = CalendarDay(clock.now())
            let from = try CaseAPIRequest.day(request, "from") ?? CalendarDay(year: today.year, month: 1, day: 1)
            let to = try CaseAPIRequest.day(request, "to") ?? today
            let figures = try await cases.figures(from: from, to: to)
            let names = Dictionary(
                try await dependencies.organisation.publicDepartments().map { ($0.id, $0.name) },
                uniquingKeysWith: { first, _ in first })
            return Models.Figures(figures, departments: names)
        }
        router.get("/api/v1/cases/figures") { request, _ in
            try JSONResponse.make(try await load(request))
        }
        router.get("/services/figures") { request, context in
            do {
                let page = CaseFiguresPage(
                    layout: renderer.layout("办件统计", request, context), figures: try await load(request))
                return renderer.render("case-figures", page)
            } catch let error as DomainError where error.kind == .invalid {
                let problem = Problem(
                    status: 400, code: error.code, title: error.title, detail: error.detail,
                    instance: request.uri.path, requestId: context.requestID)
                return renderer.errorPage(problem, request: request, context: context)
            }
        }
    }
}
