import Foundation
import Kernel
import SQLKit

/// What one staff member may do right now: their department and every (permission, scope) pair
/// their role assignments give, read fresh for each check.
struct StaffGrants: Sendable {
    var staffID: UUID
    var departmentID: UUID
    var departmentPath: String
    var grants: [Permission: Set<DataScope>]

    /// Loads the grants of an active staff member, or nil if the account is unknown or disabled.
    static func load(_ staffID: UUID, sql: any SQLDatabase) async throws -> StaffGrants? {
        guard
            let row = try await sql.raw(
                """
                SELECT s.department_id, s.status, d.path FROM idn_staff s
                JOIN idn_departments d ON d.id = s.department_id WHERE s.id = \(bind: staffID)
                """
            ).first(),
            try row.decode(column: "status", as: String.self) == StaffStatus.active.rawValue
        else { return nil }
        let rows = try await sql.raw(
            """
            SELECT a.scope, p.permission FROM idn_role_assignments a
            JOIN idn_role_permissions p ON p.role_code = a.role_code WHERE a.staff_id = \(bind: staffID)
            """
        ).all()
        var grants: [Permission: Set<DataScope>] = [:]
        for row in rows {
            // A permission removed from the catalogue may linger in old rows; it grants nothing.
            guard let permission = Permission(rawValue: try row.decode(column: "permission", as: String.self)),
                let scope = DataScope(rawValue: try row.decode(column: "scope", as: String.self))
            else { continue }
            grants[permission, default: []].insert(scope)
        }
        return StaffGrants(
            staffID: staffID, departmentID: try row.decode(column: "department_id", as: UUID.self),
            departmentPath: try row.decode(column: "path", as: String.self), grants: grants)
    }

    /// Whether `permission` reaches the department at `path` (with id `id`) with at least `scope`.
    ///
    /// `.department` needs the target to be the own department itself; `.subtree` needs it at or
    /// below the own department; `.all` reaches everything. `scope` asks for more than one
    /// department: assigning a `subtree` role needs the whole subtree of the target.
    func allows(_ permission: Permission, id: UUID, path: String, scope: DataScope = .department) -> Bool {
        (grants[permission] ?? []).contains { held in
            held.covers(scope) && held.reaches(id, path: path, from: departmentID, path: departmentPath)
        }
    }

    /// Whether `permission` is held with the `all` scope.
    func allowsEverywhere(_ permission: Permission) -> Bool {
        grants[permission]?.contains(.all) == true
    }

    /// Whether `permission` is held at all, whatever the scope.
    func holds(_ permission: Permission) -> Bool {
        !(grants[permission] ?? []).isEmpty
    }
}
