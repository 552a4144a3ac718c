package import Foundation
import Kernel
package import SQLKit
import Storage

/// Authorisation for other domains' commands, checked on the command's own transaction.
extension OrganisationService {
    /// Throws `forbidden` unless `staff` holds `permission` for `department`, reading on `sql` so the
    /// check sees the same rows as the change it guards.
    package func authorize(
        _ staff: StaffActor, _ permission: Permission, department: UUID?, sql: any SQLDatabase
    ) async throws {
        _ = try await authorized(staff, permission, department: department, sql: sql)
    }

    /// Whether `staff` holds any of `permissions` for `department`, with one read of the grants
    /// (case reads ask for any case permission, and are on every command's path).
    package func holdsAny(
        _ staff: StaffActor, of permissions: [Permission], department: UUID, sql: any SQLDatabase
    ) async throws -> Bool {
        guard let grants = try await StaffGrants.load(staff.staffID, sql: sql),
            permissions.contains(where: grants.holds)
        else { return false }
        let path = try await departmentPath(department, sql: sql)
        return permissions.contains { grants.allows($0, id: department, path: path, scope: .department) }
    }

    /// The departments `staff` reaches with `permission`; nil means every department, and an empty
    /// set none (a queue then shows nothing rather than refusing).
    package func departments(
        reachableBy staff: StaffActor, with permission: Permission, sql: any SQLDatabase
    ) async throws -> Set<UUID>? {
        guard let grants = try await StaffGrants.load(staff.staffID, sql: sql), grants.holds(permission) else {
            return []
        }
        return try await visibleDepartments(grants, permission, sql: sql)
    }

    /// The name of the department `id`, read on `sql` (a command's transaction, which must not wait
    /// for a second connection).
    package func departmentName(_ id: UUID, sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT name FROM idn_departments WHERE id = \(bind: id)").first()?
            .decode(column: "name", as: String.self)
    }

    /// The id of the department with `code`, such as `SJZ-SCJGJ`.
    package func departmentID(code: String, sql: any SQLDatabase) async throws -> UUID? {
        try await sql.raw("SELECT id FROM idn_departments WHERE code = \(bind: code)").first()?
            .decode(column: "id", as: UUID.self)
    }
}
