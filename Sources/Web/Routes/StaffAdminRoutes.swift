import Foundation
import Hummingbird
import Identity
import Kernel

/// 组织机构与工作人员: the directory, creating staff, assigning roles, disabling and enabling.
///
/// Operators administer the installation, not the organisation: only staff reach these pages, and
/// `OrganisationService` checks each command against the actor's permissions and data scope.
enum StaffAdminRoutes {
    /// Who the pages are for, in the refusal shown to anyone else.
    static let audience = "组织机构信息只向有权限的工作人员显示"

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let organisation = dependencies.organisation
        let renderer = dependencies.renderer
        @Sendable func page(
            _ request: Request, _ context: AppRequestContext, staff: StaffContext, notice: String? = nil,
            error: DomainError? = nil
        ) async throws -> Response {
            let tree = try await organisation.departmentTree(by: staff.actor)
            let members = try await organisation.staffDirectory(by: staff.actor)
            let roles = try await organisation.roles(by: staff.actor)
            var view = StaffDirectoryPage(
                layout: renderer.layout("组织机构与工作人员", request, context),
                departments: tree.flatMap(\.flattened), staff: members, roles: roles)
            view.notice = notice
            view.error = error
            view.canManage = staff.permissions.contains(.staffManage)
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("admin-staff", view, status: status)
        }
        router.get("/admin/staff") { request, context in
            try await page(request, context, staff: try context.requireStaff(for: audience))
        }
        router.post("/admin/staff") { request, context in
            let staff = try context.requireStaff(for: audience)
            let form = try await request.formFields(context)
            do {
                guard let department = form["department"].flatMap(UUID.init(uuidString:)) else {
                    throw invalid("请选择所属部门。")
                }
                let created = try await organisation.createStaff(
                    CreateStaff(
                        username: form["username"] ?? "", name: form["name"] ?? "", phone: form["phone"] ?? "",
                        departmentID: department, password: form["password"] ?? ""), by: staff.actor)
                return try await page(
                    request, context, staff: staff,
                    notice: "已创建工作人员 \(created.username)，首次登录时须绑定手机验证器。请为其分配角色。")
            } catch let error as DomainError {
                return try await page(request, context, staff: staff, error: error)
            }
        }
        router.post("/admin/staff/roles") { request, context in
            let staff = try context.requireStaff(for: audience)
            let form = try await request.formFields(context)
            do {
                guard let member = form["staff"].flatMap(UUID.init(uuidString:)) else { throw invalid("请选择工作人员。") }
                guard let scope = DataScope(rawValue: form["scope"] ?? "") else { throw invalid("请选择数据范围。") }
                _ = try await organisation.assignRole(form["role"] ?? "", to: member, scope: scope, by: staff.actor)
                return try await page(request, context, staff: staff, notice: "已分配角色。")
            } catch let error as DomainError {
                return try await page(request, context, staff: staff, error: error)
            }
        }
        router.post("/admin/staff/{id}/status") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let form = try await request.formFields(context)
            do {
                guard let status = StaffStatus(rawValue: form["status"] ?? "") else { throw invalid("状态不正确。") }
                let member = try await organisation.setStaffStatus(id, status, by: staff.actor)
                return try await page(
                    request, context, staff: staff,
                    notice: member.status == .active ? "已启用 \(member.username)。" : "已停用 \(member.username)，其登录已全部结束。")
            } catch let error as DomainError {
                return try await page(request, context, staff: staff, error: error)
            }
        }
    }

    private static func invalid(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "identity.bad-staff-form", title: "填写不完整", detail: detail)
    }
}
