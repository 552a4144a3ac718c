import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Kernel

extension CatalogAdminRoutes {
    /// 流程再造报告 for everyone: the page and the same figures as JSON. Bad dates are a bad
    /// request (400), an unknown department is 404.
    static func addReport(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let catalog = dependencies.catalog
        let renderer = dependencies.renderer
        let clock = dependencies.clock
        router.get("/services/report") { request, context in
            do {
                let (from, to, department) = try reportQuery(request, today: CalendarDay(clock.now()))
                let report = try await catalog.reengineeringReport(from: from, to: to, departmentID: department)
                var page = CatalogReportPage(
                    layout: renderer.layout("流程再造报告", request, context), report: report,
                    departments: try await dependencies.organisation.publicDepartments(), selected: department)
                page.demands = await EvaluationPageSections.demands(
                    from: from, to: to, departmentID: department, dependencies)
                return renderer.render("catalog-report", page)
            } catch let error as DomainError where error.kind == .invalid {
                return renderer.errorPage(badRequest(error, request, context), request: request, context: context)
            }
        }
        router.get("/api/v1/catalog/report") { request, context in
            do {
                let (from, to, department) = try reportQuery(request, today: CalendarDay(clock.now()))
                return try JSONResponse.make(
                    try await catalog.reengineeringReport(from: from, to: to, departmentID: department))
            } catch let error as DomainError where error.kind == .invalid {
                return badRequest(error, request, context).response()
            }
        }
    }

    /// The period and department of a report request: from 1 January of this year to today
    /// unless the query says otherwise.
    static func reportQuery(_ request: Request, today: CalendarDay) throws -> (CalendarDay, CalendarDay, UUID?) {
        let query = request.uri.queryParameters
        func day(_ name: String, _ fallback: CalendarDay) throws -> CalendarDay {
            guard let text = query[name[...]].map(String.init), !text.isEmpty else { return fallback }
            return try CalendarDay(parsing: text)
        }
        let from = try day("from", try CalendarDay(year: today.year, month: 1, day: 1))
        let to = try day("to", today)
        var department: UUID?
        if let text = query["department"].map(String.init), !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw DomainError(
                    .invalid, code: "catalog.bad-department", title: "部门参数有误",
                    detail: "department 应为部门编号（UUID），或留空表示全部部门。")
            }
            department = id
        }
        return (from, to, department)
    }

    static func badRequest(_ error: DomainError, _ request: Request, _ context: AppRequestContext) -> Problem {
        Problem(
            status: 400, code: error.code, title: error.title, detail: error.detail, instance: request.uri.path,
            requestId: context.requestID)
    }
}
