package import Foundation
import Kernel
package import SQLKit
import Storage

extension OrganisationService {
    /// The active staff who hold `permission` for `department`, to remind them of a deadline
    /// there: through a `department` or `subtree` scope always, through the `all` scope only when
    /// `includingAll` (so the platform's administrators are not texted about every department).
    /// Ordered by username; read on `sql`, the reminder's own transaction.
    package func staffToRemind(
        _ permission: Permission, department: UUID, includingAll: Bool, sql: any SQLDatabase
    ) async throws -> [UUID] {
        let target = try await departmentPath(department, sql: sql)
        let rows = try await sql.raw(
            """
            SELECT s.id, s.username, s.department_id, d.path, a.scope FROM idn_staff s
            JOIN idn_departments d ON d.id = s.department_id
            JOIN idn_role_assignments a ON a.staff_id = s.id
            JOIN idn_role_permissions p ON p.role_code = a.role_code
            WHERE p.permission = \(bind: permission.rawValue) AND s.status = \(bind: StaffStatus.active.rawValue)
            ORDER BY s.username
            """
        ).all()
        var chosen: [UUID] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let scope = DataScope(rawValue: try row.decode(column: "scope", as: String.self)),
                scope != .all || includingAll,
                scope.reaches(
                    department, path: target, from: try row.decode(column: "department_id", as: UUID.self),
                    path: try row.decode(column: "path", as: String.self))
            else { continue }
            if !chosen.contains(id) { chosen.append(id) }
        }
        return chosen
    }

    /// The phone of an active staff member in clear, to text them a reminder; nil when the
    /// account is unknown or disabled.
    package func activeStaffPhone(_ staffID: UUID) async throws -> String? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    "SELECT phone_sealed, status FROM idn_staff WHERE id = \(bind: staffID)"
                ).first(),
                try row.decode(column: "status", as: String.self) == StaffStatus.active.rawValue
            else { return nil }
            return try sealer.open(
                Array(try row.decode(column: "phone_sealed", as: Data.self)), context: "idn_staff.phone")
        }
    }
}
