public import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// Every role with its permissions, built-in ones first.
    public func roles(by staff: StaffActor) async throws -> [Role] {
        try await database.read { sql in
            try await authorized(staff, .organisationRead, department: nil, sql: sql)
            return try await roles(sql: sql)
        }
    }

    /// Defines a role from the catalogue; roles are platform-wide, so this needs the `all` scope.
    public func createRole(code: String, name: String, permissions: Set<Permission>, by staff: StaffActor) async throws
        -> Role
    {
        let role = Role(
            code: try Self.roleCode(code), name: try Self.roleName(name),
            permissions: permissions, isBuiltIn: false)
        return try await database.transaction { tx in
            try await authorizedEverywhere(staff, .rolesManage, sql: tx.sql)
            if try await tx.sql.raw("SELECT code FROM idn_roles WHERE code = \(bind: role.code)").first() != nil {
                throw DomainError(
                    .conflict, code: "identity.role-code-taken", title: "角色编码已存在",
                    detail: "角色编码“\(role.code)”已被使用，请换一个。")
            }
            try await tx.sql.raw(
                "INSERT INTO idn_roles (code, name, built_in) VALUES (\(bind: role.code), \(bind: role.name), 0)"
            ).run()
            try await writePermissions(role, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.role-create", objectType: "role", objectID: role.code,
                    changeDigest: try audit.digest(of: role)), in: tx)
            return role
        }
    }

    /// Replaces the permissions of a role the installation defined; built-in roles stay as shipped.
    public func setRolePermissions(_ code: String, _ permissions: Set<Permission>, by staff: StaffActor) async throws
        -> Role
    {
        try await database.transaction { tx in
            try await authorizedEverywhere(staff, .rolesManage, sql: tx.sql)
            guard var role = try await roles(sql: tx.sql).first(where: { $0.code == code }) else {
                throw Self.notFound("role")
            }
            guard !role.isBuiltIn else {
                throw DomainError(
                    .conflict, code: "identity.role-built-in", title: "内置角色不能修改", detail: "内置角色的权限由平台规定，请新建一个角色再分配。")
            }
            role.permissions = permissions
            try await tx.sql.raw("DELETE FROM idn_role_permissions WHERE role_code = \(bind: code)").run()
            try await writePermissions(role, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.role-update", objectType: "role", objectID: code,
                    changeDigest: try audit.digest(of: role)), in: tx)
            return role
        }
    }

    /// Gives `staffID` the role `roleCode` reaching `scope` from their department (replacing an
    /// earlier scope of the same role).
    ///
    /// The actor must manage the staff member's department and, unless they manage roles
    /// everywhere, hold every permission of the role over at least the same reach: nobody hands out
    /// more than they have.
    public func assignRole(_ roleCode: String, to staffID: UUID, scope: DataScope, by staff: StaffActor) async throws
        -> RoleAssignment
    {
        let now = clock.now()
        return try await database.transaction { tx in
            try await checkGrantable(roleCode, to: staffID, scope: scope, by: staff, sql: tx.sql)
            let assignment = RoleAssignment(staffID: staffID, roleCode: roleCode, scope: scope, grantedAt: now)
            try await writeAssignment(assignment, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.role-assign", objectType: "staff", objectID: staffID.uuidString,
                    changeDigest: try audit.digest(of: assignment)), in: tx)
            return assignment
        }
    }

    /// Takes the role away; the actor must be able to grant it.
    public func revokeRole(_ roleCode: String, from staffID: UUID, by staff: StaffActor) async throws {
        try await database.transaction { tx in
            let held = try await assignments(of: staffID, sql: tx.sql).first { $0.roleCode == roleCode }
            guard let held else { throw Self.notFound("role") }
            try await checkGrantable(roleCode, to: staffID, scope: held.scope, by: staff, sql: tx.sql)
            try await tx.sql.raw(
                "DELETE FROM idn_role_assignments WHERE staff_id = \(bind: staffID) AND role_code = \(bind: roleCode)"
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.role-revoke", objectType: "staff", objectID: staffID.uuidString,
                    changeDigest: try audit.digest(of: held)), in: tx)
        }
    }

    /// The roles a staff member holds, if the actor may see their department.
    public func roleAssignments(of staffID: UUID, by staff: StaffActor) async throws -> [RoleAssignment] {
        try await database.read { sql in
            let member = try await staffMember(staffID, sql: sql)
            try await authorized(staff, .organisationRead, department: member.departmentID, sql: sql)
            return try await assignments(of: staffID, sql: sql)
        }
    }

    func checkGrantable(
        _ roleCode: String, to staffID: UUID, scope: DataScope, by staff: StaffActor, sql: any SQLDatabase
    ) async throws {
        let member = try await staffMember(staffID, sql: sql)
        let grants = try await authorized(staff, .staffManage, department: member.departmentID, sql: sql)
        guard let role = try await roles(sql: sql).first(where: { $0.code == roleCode }) else {
            throw Self.notFound("role")
        }
        if grants.allowsEverywhere(.rolesManage) { return }
        let path = try await departmentPath(member.departmentID, sql: sql)
        for permission in role.permissions.sorted()
        where !grants.allows(permission, id: member.departmentID, path: path, scope: scope) {
            throw DomainError(
                .forbidden, code: "identity.role-escalation", title: "无权分配该角色",
                detail: "角色“\(role.name)”包含您没有的权限“\(permission.label)”或超出您的数据范围，请联系系统管理员分配。")
        }
    }

    func writeAssignment(_ assignment: RoleAssignment, tx: Transaction) async throws {
        try await tx.sql.raw(
            """
            DELETE FROM idn_role_assignments
            WHERE staff_id = \(bind: assignment.staffID) AND role_code = \(bind: assignment.roleCode)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO idn_role_assignments (staff_id, role_code, scope, granted_at)
            VALUES (\(bind: assignment.staffID), \(bind: assignment.roleCode), \(bind: assignment.scope.rawValue),
                \(bind: assignment.grantedAt))
            """
        ).run()
    }

    func assignments(of staffID: UUID, sql: any SQLDatabase) async throws -> [RoleAssignment] {
        try await sql.raw(
            """
            SELECT staff_id, role_code, scope, granted_at FROM idn_role_assignments
            WHERE staff_id = \(bind: staffID) ORDER BY role_code
            """
        ).all().map { row in
            RoleAssignment(
                staffID: try row.decode(column: "staff_id", as: UUID.self),
                roleCode: try row.decode(column: "role_code", as: String.self),
                scope: DataScope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .department,
                grantedAt: try row.decode(column: "granted_at", as: Date.self))
        }
    }

    func roles(sql: any SQLDatabase) async throws -> [Role] {
        let roles = try await sql.raw("SELECT code, name, built_in FROM idn_roles").all()
        let permissions = try await sql.raw("SELECT role_code, permission FROM idn_role_permissions").all()
        var byRole: [String: Set<Permission>] = [:]
        for row in permissions {
            guard let permission = Permission(rawValue: try row.decode(column: "permission", as: String.self)) else {
                continue
            }
            byRole[try row.decode(column: "role_code", as: String.self), default: []].insert(permission)
        }
        let order = BuiltInRole.allCases.map(\.rawValue)
        return try roles.map { row in
            let code = try row.decode(column: "code", as: String.self)
            return Role(
                code: code, name: try row.decode(column: "name", as: String.self), permissions: byRole[code] ?? [],
                isBuiltIn: try row.decode(column: "built_in", as: Int.self) != 0)
        }.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs.code) ?? order.count
            let right = order.firstIndex(of: rhs.code) ?? order.count
            return (left, lhs.code) < (right, rhs.code)
        }
    }

    static func roleCode(_ text: String) throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces).lowercased()
        let allowed = code.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        guard (2...40).contains(code.count), allowed else {
            throw DomainError(
                .invalid, code: "identity.bad-role-code", title: "角色编码格式不正确",
                detail: "角色编码为 2 至 40 位小写字母、数字或“-”，例如 license-clerk。")
        }
        return code
    }

    static func roleName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...30).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw DomainError(.invalid, code: "identity.bad-role-name", title: "角色名称不正确", detail: "角色名称为 2 至 30 个字。")
        }
        return name
    }

    private func writePermissions(_ role: Role, tx: Transaction) async throws {
        for permission in role.permissions.sorted() {
            try await tx.sql.raw(
                """
                INSERT INTO idn_role_permissions (role_code, permission)
                VALUES (\(bind: role.code), \(bind: permission.rawValue))
                """
            ).run()
        }
    }
}
