import Hummingbird
import Identity

/// Which permission each operator route needs from a staff member.
///
/// The operator token (break-glass, for installation and automation) passes every route; staff pass
/// a route when they hold its permission. Routes listed as operator-only have no staff permission
/// yet. Services check again where they take an actor (OIDC client administration does).
enum AdminAccess {
    enum Rule: Equatable {
        /// Any signed-in staff member (the admin home page, logging out).
        case anyStaff
        /// Staff holding this permission.
        case permission(Permission)
        /// The operator token only.
        case operatorOnly
    }

    static func rule(for method: HTTPRequest.Method, _ path: String) -> Rule {
        if path == "/admin" || path == "/admin/" { return .anyStaff }
        // Reading the directory needs organisation.read; changing it, staff.manage.
        if path == "/admin/staff" || path.hasPrefix("/admin/staff/") {
            return method == .get ? .permission(.organisationRead) : .permission(.staffManage)
        }
        let table: [(prefix: String, rule: Rule)] = [
            ("/admin/catalog", .anyStaff),
            // The route itself asks for catalog.manage or catalog.publish; a rule names only one.
            ("/admin/processes", .anyStaff),
            ("/api/v1/admin/catalog", .permission(.catalogPublish)),
            ("/admin/jobs", .permission(.jobsManage)),
            ("/api/v1/admin/jobs", .permission(.jobsManage)),
            ("/api/v1/admin/audit", .permission(.auditRead)),
            ("/admin/oidc", .permission(.oidcClientsManage)),
            ("/admin/counter", .permission(.casesIntake)),
            ("/admin/roles", .permission(.rolesManage)),
            ("/api/v1/admin/oidc", .permission(.oidcClientsManage)),
        ]
        return table.first { path == $0.prefix || path.hasPrefix($0.prefix + "/") }?.rule ?? .operatorOnly
    }

    /// Whether `staff` may use `path`.
    static func allows(_ staff: StaffContext, _ method: HTTPRequest.Method, _ path: String) -> Bool {
        switch rule(for: method, path) {
        case .anyStaff: true
        case .permission(let permission): staff.permissions.contains(permission)
        case .operatorOnly: false
        }
    }
}
