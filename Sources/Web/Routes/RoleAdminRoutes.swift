import Foundation
import Hummingbird
import Identity
import Kernel

/// 角色管理: the roles, what each permits, and defining a new role from the permission catalogue.
enum RoleAdminRoutes {
    /// Who the pages are for, in the refusal shown to anyone else.
    static let audience = "角色管理只供有权限的工作人员使用"

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let organisation = dependencies.organisation
        let renderer = dependencies.renderer
        @Sendable func page(
            _ request: Request, _ context: AppRequestContext, staff: StaffContext, notice: String? = nil,
            error: DomainError? = nil
        ) async throws -> Response {
            var view = RolesPage(
                layout: renderer.layout("角色管理", request, context), roles: try await organisation.roles(by: staff.actor))
            view.notice = notice
            view.error = error
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("admin-roles", view, status: status)
        }
        router.get("/admin/roles") { request, context in
            try await page(request, context, staff: try context.requireStaff(for: audience))
        }
        router.post("/admin/roles") { request, context in
            let staff = try context.requireStaff(for: audience)
            let pairs = URLEncodedForm.pairs(
                String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
            let fields = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            let permissions = Set(pairs.filter { $0.0 == "permission" }.compactMap { Permission(rawValue: $0.1) })
            do {
                let role = try await organisation.createRole(
                    code: fields["code"] ?? "", name: fields["name"] ?? "", permissions: permissions, by: staff.actor)
                return try await page(request, context, staff: staff, notice: "已创建角色“\(role.name)”。")
            } catch let error as DomainError {
                return try await page(request, context, staff: staff, error: error)
            }
        }
    }
}
