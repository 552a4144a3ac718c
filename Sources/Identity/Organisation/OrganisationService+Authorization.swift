public import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// Throws `forbidden` unless `staff` is active and holds `permission` for `department`.
    ///
    /// With a department, one of the staff member's assignments carrying the permission must reach
    /// it through its data scope. Without one, the permission is not about a department (such as
    /// `audit.read`), and holding it with any scope is enough.
    public func authorize(_ staff: StaffActor, _ permission: Permission, department: UUID? = nil) async throws {
        _ = try await database.read { sql in
            try await authorized(staff, permission, department: department, sql: sql)
        }
    }

    /// The permissions `staff` holds in any scope, for showing only the menus they can use.
    public func permissions(of staff: StaffActor) async throws -> Set<Permission> {
        guard let grants = try await database.read({ try await StaffGrants.load(staff.staffID, sql: $0) }) else {
            return []
        }
        return Set(grants.grants.keys)
    }

    /// Checks as `authorize` does and returns the grants, reading on `sql` (the command's
    /// transaction, so the check and the change see the same rows).
    @discardableResult
    func authorized(
        _ staff: StaffActor, _ permission: Permission, department: UUID?, scope: DataScope = .department,
        sql: any SQLDatabase
    ) async throws -> StaffGrants {
        guard let grants = try await StaffGrants.load(staff.staffID, sql: sql) else {
            throw DomainError(
                .forbidden, code: "identity.staff-inactive", title: "无权操作", detail: "您的工作人员账号不存在或已停用，请联系系统管理员。")
        }
        guard let department else {
            guard grants.holds(permission) else { throw Self.forbidden(permission) }
            return grants
        }
        let path = try await departmentPath(department, sql: sql)
        guard grants.allows(permission, id: department, path: path, scope: scope) else {
            throw Self.forbidden(permission)
        }
        return grants
    }

    /// Checks that `staff` holds `permission` with the `all` scope, for acts above every department.
    @discardableResult
    func authorizedEverywhere(_ staff: StaffActor, _ permission: Permission, sql: any SQLDatabase) async throws
        -> StaffGrants
    {
        let grants = try await authorized(staff, permission, department: nil, sql: sql)
        guard grants.allowsEverywhere(permission) else { throw Self.forbidden(permission) }
        return grants
    }

    /// The departments `grants` reach with `permission`, or nil for all of them.
    func visibleDepartments(_ grants: StaffGrants, _ permission: Permission, sql: any SQLDatabase) async throws
        -> Set<UUID>?
    {
        let scopes = grants.grants[permission] ?? []
        if scopes.contains(.all) { return nil }
        if scopes.contains(.subtree) {
            return Set(try await subtree(of: grants.departmentPath, sql: sql).map(\.id))
        }
        return scopes.contains(.department) ? [grants.departmentID] : []
    }

    static func forbidden(_ permission: Permission) -> DomainError {
        DomainError(
            .forbidden, code: "identity.forbidden", title: "无权操作",
            detail: "您没有“\(permission.label)”权限，或对象不在您的数据范围内。如需办理，请联系系统管理员授权。")
    }
}
