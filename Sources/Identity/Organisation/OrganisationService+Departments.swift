public import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// Adds a department under `parentID`, or at the top, which needs the `all` scope.
    public func createDepartment(_ command: CreateDepartment, by staff: StaffActor) async throws -> Department {
        try await database.transaction { tx in
            if let parent = command.parentID {
                try await authorized(staff, .departmentsManage, department: parent, sql: tx.sql)
            } else {
                try await authorizedEverywhere(staff, .departmentsManage, sql: tx.sql)
            }
            return try await insertDepartment(command, actor: staff.auditActor, tx: tx)
        }
    }

    /// Renames a department; its code, place and id stay.
    public func renameDepartment(_ id: UUID, to name: String, by staff: StaffActor) async throws -> Department {
        let name = try Self.departmentName(name)
        let now = clock.now()
        return try await database.transaction { tx in
            try await authorized(staff, .departmentsManage, department: id, sql: tx.sql)
            try await tx.sql.raw(
                "UPDATE idn_departments SET name = \(bind: name), updated_at = \(bind: now) WHERE id = \(bind: id)"
            ).run()
            let department = try await self.department(id, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.department-rename", objectType: "department", objectID: id.uuidString,
                    changeDigest: try audit.digest(of: department)), in: tx)
            return department
        }
    }

    /// Moves a department with everything under it below `newParent` (nil: to the top).
    ///
    /// The actor must reach both the department and its new place; a move under itself or under
    /// one of its own descendants would cut the subtree off the tree and is refused.
    public func moveDepartment(_ id: UUID, under newParent: UUID?, by staff: StaffActor) async throws -> Department {
        let now = clock.now()
        return try await database.transaction { tx in
            try await authorized(staff, .departmentsManage, department: id, sql: tx.sql)
            let oldPath = try await departmentPath(id, sql: tx.sql)
            var parentPath: String?
            if let newParent {
                try await authorized(staff, .departmentsManage, department: newParent, sql: tx.sql)
                let path = try await departmentPath(newParent, sql: tx.sql)
                guard !path.hasPrefix(oldPath) else {
                    throw DomainError(
                        .conflict, code: "identity.department-cycle", title: "不能移动到自身下级",
                        detail: "部门不能移动到它自己或它的下级部门之下，请选择其他上级部门。")
                }
                parentPath = path
            } else {
                try await authorizedEverywhere(staff, .departmentsManage, sql: tx.sql)
            }
            let newPath = DepartmentPath.child(id, of: parentPath)
            try await tx.sql.raw(
                "UPDATE idn_departments SET parent_id = \(bind: newParent), updated_at = \(bind: now) WHERE id = \(bind: id)"
            ).run()
            let members = try await tx.sql.raw(
                """
                SELECT id, path FROM idn_departments
                WHERE path >= \(bind: oldPath) AND path < \(bind: DepartmentPath.upperBound(oldPath))
                """
            ).all()
            for member in members {
                let path = newPath + String(try member.decode(column: "path", as: String.self).dropFirst(oldPath.count))
                try await tx.sql.raw(
                    """
                    UPDATE idn_departments SET path = \(bind: path), depth = \(bind: DepartmentPath.depth(path))
                    WHERE id = \(bind: try member.decode(column: "id", as: UUID.self))
                    """
                ).run()
            }
            let department = try await self.department(id, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.department-move", objectType: "department", objectID: id.uuidString,
                    changeDigest: try audit.digest(of: department)), in: tx)
            return department
        }
    }

    /// One department, if the actor may see it.
    public func department(_ id: UUID, by staff: StaffActor) async throws -> Department {
        try await database.read { sql in
            try await authorized(staff, .organisationRead, department: id, sql: sql)
            return try await department(id, sql: sql)
        }
    }

    /// The department and everything under it that the actor may see, depth-first.
    public func departments(under id: UUID, by staff: StaffActor) async throws -> [Department] {
        try await database.read { sql in
            let grants = try await authorized(staff, .organisationRead, department: id, sql: sql)
            let visible = try await visibleDepartments(grants, .organisationRead, sql: sql)
            let members = try await subtree(of: try await departmentPath(id, sql: sql), sql: sql)
            return members.filter { visible?.contains($0.id) ?? true }
        }
    }

    /// The tree of the departments the actor may see; a visible department whose parent is hidden
    /// is shown as a root.
    public func departmentTree(by staff: StaffActor) async throws -> [DepartmentNode] {
        try await database.read { sql in
            let grants = try await authorized(staff, .organisationRead, department: nil, sql: sql)
            let visible = try await visibleDepartments(grants, .organisationRead, sql: sql)
            let all = try await sql.raw("SELECT \(unsafeRaw: Self.departmentColumns) FROM idn_departments").all()
                .map(Self.decodeDepartment)
            let shown = all.filter { visible?.contains($0.id) ?? true }
            let shownIDs = Set(shown.map(\.id))
            let byParent = Dictionary(grouping: shown) { department in
                department.parentID.flatMap { shownIDs.contains($0) ? $0 : nil }
            }
            func nodes(_ parent: UUID?) -> [DepartmentNode] {
                (byParent[parent] ?? []).sorted { $0.code < $1.code }.map {
                    DepartmentNode(department: $0, children: nodes($0.id))
                }
            }
            return nodes(nil)
        }
    }

    func insertDepartment(_ command: CreateDepartment, actor: Actor, tx: Transaction) async throws -> Department {
        let code = try Self.departmentCode(command.code)
        let name = try Self.departmentName(command.name)
        guard let division = divisions[command.divisionCode], !division.isHistorical else {
            throw DomainError(
                .invalid, code: "identity.bad-division", title: "行政区划代码无效",
                detail: "“\(command.divisionCode)”不是现行的行政区划代码，请按 GB/T 2260 填写六位代码。")
        }
        let id = UUID()
        var parentPath: String?
        if let parent = command.parentID { parentPath = try await departmentPath(parent, sql: tx.sql) }
        let path = DepartmentPath.child(id, of: parentPath)
        let now = clock.now()
        let department = Department(
            id: id, code: code, name: name, parentID: command.parentID, divisionCode: division.code,
            depth: DepartmentPath.depth(path), createdAt: now, updatedAt: now)
        if try await tx.sql.raw("SELECT id FROM idn_departments WHERE code = \(bind: code)").first() != nil {
            throw DomainError(
                .conflict, code: "identity.department-code-taken", title: "部门编码已存在", detail: "部门编码“\(code)”已被使用，请换一个编码。"
            )
        }
        try await tx.sql.raw(
            """
            INSERT INTO idn_departments (id, code, name, parent_id, division_code, path, depth, created_at, updated_at)
            VALUES (\(bind: id), \(bind: code), \(bind: name), \(bind: command.parentID),
                \(bind: division.code.rawValue), \(bind: path), \(bind: department.depth), \(bind: now), \(bind: now))
            """
        ).run()
        try await audit.append(
            actor.entry(
                action: "identity.department-create", objectType: "department", objectID: id.uuidString,
                changeDigest: try audit.digest(of: department)), in: tx)
        return department
    }

    func departmentPath(_ id: UUID, sql: any SQLDatabase) async throws -> String {
        guard let row = try await sql.raw("SELECT path FROM idn_departments WHERE id = \(bind: id)").first() else {
            throw Self.notFound("department")
        }
        return try row.decode(column: "path", as: String.self)
    }

    func department(_ id: UUID, sql: any SQLDatabase) async throws -> Department {
        guard
            let row = try await sql.raw(
                "SELECT \(unsafeRaw: Self.departmentColumns) FROM idn_departments WHERE id = \(bind: id)"
            ).first()
        else { throw Self.notFound("department") }
        return try Self.decodeDepartment(row)
    }

    /// The department at `path` and everything under it, depth-first: one range scan of the path index.
    func subtree(of path: String, sql: any SQLDatabase) async throws -> [Department] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.departmentColumns) FROM idn_departments
            WHERE path >= \(bind: path) AND path < \(bind: DepartmentPath.upperBound(path)) ORDER BY path
            """
        ).all().map(Self.decodeDepartment)
    }

    static let departmentColumns = "id, code, name, parent_id, division_code, depth, created_at, updated_at"

    static func decodeDepartment(_ row: any SQLRow) throws -> Department {
        Department(
            id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            parentID: try row.decode(column: "parent_id", as: UUID?.self),
            divisionCode: try DivisionCode(try row.decode(column: "division_code", as: String.self)),
            depth: try row.decode(column: "depth", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    static func departmentCode(_ text: String) throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces)
        let allowed = code.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
        guard (2...40).contains(code.count), allowed else {
            throw DomainError(
                .invalid, code: "identity.bad-department-code", title: "部门编码格式不正确",
                detail: "部门编码为 2 至 40 位字母、数字、“-”或“_”，例如 SJZ-RSJ。")
        }
        return code
    }

    static func departmentName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...60).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw DomainError(
                .invalid, code: "identity.bad-department-name", title: "部门名称不正确", detail: "部门名称为 2 至 60 个字。")
        }
        return name
    }
}
