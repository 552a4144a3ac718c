import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// Who the staff pages are for, in the refusal shown to anyone else.
    static let staffAudience = "证照管理只供发证部门的工作人员使用"

    /// 证照管理 for issuing staff: the issued licenses, a license with its history, the form to
    /// issue by hand and the approved cases still waiting for a license.
    static func addStaffPages(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses
        router.get("/staff/licenses") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let typeKey = CaseAPIRequest.query(request, "type")
            let page = LicenseStaffListPage(
                layout: renderer.layout("证照管理", request, context), catalogue: licenses.catalogue,
                typeKey: typeKey.isEmpty ? nil : typeKey,
                licenses: try await licenses.issued(by: staff.actor, typeKey: typeKey.isEmpty ? nil : typeKey),
                today: CalendarDay.today(dependencies.clock))
            return renderer.render("license-staff-list", page)
        }
        router.get("/staff/licenses/new") { request, context in
            _ = try context.requireStaff(for: staffAudience)
            let page = LicenseStaffIssuePage(
                layout: renderer.layout("手工签发证照", request, context), catalogue: licenses.catalogue,
                type: licenses.catalogue.type(CaseAPIRequest.query(request, "type")))
            return renderer.render("license-staff-issue", page)
        }
        router.get("/staff/licenses/pending") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let page = LicensePendingPage(
                layout: renderer.layout("待发证办件", request, context),
                pending: try await licenses.pending(by: staff.actor),
                catalogue: licenses.catalogue)
            return renderer.render("license-staff-pending", page)
        }
        router.get("/staff/licenses/{id}") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            return try await staffLicensePage(try id(context), request, context, staff, dependencies, notice: notice)
        }
    }

    /// The staff page of license `id`, with a notice or the error of a refused command.
    static func staffLicensePage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, _ staff: StaffContext,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let licenses = dependencies.licenses
        let license = try await licenses.license(id, by: staff.actor)
        var page = LicenseStaffLicensePage(
            layout: dependencies.renderer.layout("\(license.typeName) \(license.holderNameMasked)", request, context),
            license: license, type: licenses.catalogue.type(license.typeKey),
            history: try await licenses.history(id, by: staff.actor), today: CalendarDay.today(dependencies.clock))
        page.notice = notice
        page.error = error
        return dependencies.renderer.render("license-staff-license", page, status: CasePageRoutes.status(error))
    }
}
