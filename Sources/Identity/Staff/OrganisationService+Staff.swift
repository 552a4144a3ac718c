public import Foundation
import Kernel
import SQLKit
import Storage

extension OrganisationService {
    /// Opens a staff account in a department the actor manages; it must enrol TOTP at first login.
    public func createStaff(_ command: CreateStaff, by staff: StaffActor) async throws -> StaffMember {
        let prepared = try prepare(command)
        return try await database.transaction { tx in
            try await authorized(staff, .staffManage, department: command.departmentID, sql: tx.sql)
            return try await insertStaff(prepared, actor: staff.auditActor, tx: tx)
        }
    }

    /// One staff member, masked, if the actor may see their department.
    public func staffMember(_ id: UUID, by staff: StaffActor) async throws -> StaffMember {
        try await database.read { sql in
            let member = try await staffMember(id, sql: sql)
            try await authorized(staff, .organisationRead, department: member.departmentID, sql: sql)
            return member
        }
    }

    /// The staff of every department the actor may see, by username.
    public func staffDirectory(by staff: StaffActor) async throws -> [StaffMember] {
        try await database.read { sql in
            let grants = try await authorized(staff, .organisationRead, department: nil, sql: sql)
            let visible = try await visibleDepartments(grants, .organisationRead, sql: sql)
            let rows: [any SQLRow]
            if let visible {
                guard !visible.isEmpty else { return [] }
                rows = try await sql.raw(
                    """
                    SELECT \(unsafeRaw: Self.staffColumns) FROM idn_staff
                    WHERE department_id IN (\(binds: Array(visible))) ORDER BY username
                    """
                ).all()
            } else {
                rows = try await sql.raw("SELECT \(unsafeRaw: Self.staffColumns) FROM idn_staff ORDER BY username")
                    .all()
            }
            return try rows.map(Self.decodeStaff)
        }
    }

    /// Disables or re-enables an account; disabling ends its sessions and pending logins at once.
    public func setStaffStatus(_ id: UUID, _ status: StaffStatus, by staff: StaffActor) async throws -> StaffMember {
        guard id != staff.staffID else {
            throw DomainError(
                .conflict, code: "identity.staff-self", title: "不能停用自己", detail: "不能停用或启用自己的账号，请由其他管理员办理。")
        }
        let now = clock.now()
        return try await database.transaction { tx in
            let before = try await staffMember(id, sql: tx.sql)
            try await authorized(staff, .staffManage, department: before.departmentID, sql: tx.sql)
            try await tx.sql.raw(
                "UPDATE idn_staff SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id = \(bind: id)"
            ).run()
            if status == .disabled { try await endLogins(of: id, now: now, tx: tx) }
            try await audit.append(
                staff.auditActor.entry(
                    action: status == .disabled ? "identity.staff-disable" : "identity.staff-enable",
                    objectType: "staff", objectID: id.uuidString, changeDigest: status.rawValue), in: tx)
            return try await staffMember(id, sql: tx.sql)
        }
    }

    /// Moves a staff member to another department; the actor must manage both.
    ///
    /// Role assignments stay, and their scopes now count from the new department.
    public func moveStaff(_ id: UUID, to department: UUID, by staff: StaffActor) async throws -> StaffMember {
        let now = clock.now()
        return try await database.transaction { tx in
            let before = try await staffMember(id, sql: tx.sql)
            try await authorized(staff, .staffManage, department: before.departmentID, sql: tx.sql)
            try await authorized(staff, .staffManage, department: department, sql: tx.sql)
            try await tx.sql.raw(
                "UPDATE idn_staff SET department_id = \(bind: department), updated_at = \(bind: now) WHERE id = \(bind: id)"
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.staff-move", objectType: "staff", objectID: id.uuidString,
                    changeDigest: department.uuidString), in: tx)
            return try await staffMember(id, sql: tx.sql)
        }
    }

    /// Forgets the account's authenticator (a lost phone): the next login enrols a new one.
    public func resetStaffTOTP(_ id: UUID, by staff: StaffActor) async throws -> StaffMember {
        let now = clock.now()
        return try await database.transaction { tx in
            let before = try await staffMember(id, sql: tx.sql)
            try await authorized(staff, .staffManage, department: before.departmentID, sql: tx.sql)
            try await tx.sql.raw(
                """
                UPDATE idn_staff SET totp_secret_sealed = NULL, totp_enrolled = 0, updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
            try await endLogins(of: id, now: now, tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "identity.staff-totp-reset", objectType: "staff", objectID: id.uuidString,
                    changeDigest: "-"), in: tx)
            return try await staffMember(id, sql: tx.sql)
        }
    }

    /// Revokes the account's sessions and burns its pending login challenges.
    func endLogins(of id: UUID, now: Date, tx: Transaction) async throws {
        try await tx.sql.raw(
            "UPDATE idn_staff_sessions SET revoked_at = \(bind: now) WHERE staff_id = \(bind: id) AND revoked_at IS NULL"
        ).run()
        try await tx.sql.raw(
            "UPDATE idn_staff_challenges SET used_at = \(bind: now) WHERE staff_id = \(bind: id) AND used_at IS NULL"
        ).run()
    }

    /// A staff command checked and hashed, ready to insert.
    struct PreparedStaff {
        var member: StaffMember
        var seals: StaffSeals
        var passwordHash: String
    }

    /// Checks the fields and hashes the password outside any transaction, so bcrypt's cost is not
    /// paid while holding the writer.
    func prepare(_ command: CreateStaff) throws -> PreparedStaff {
        let username = command.username.trimmingCharacters(in: .whitespaces).lowercased()
        let usernameValid = username.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-")].contains(byte)
        }
        guard (3...32).contains(username.count), usernameValid else {
            throw DomainError(
                .invalid, code: "identity.bad-username", title: "用户名格式不正确",
                detail: "用户名（工号）为 3 至 32 位字母、数字、“.”、“_”或“-”。")
        }
        let name = command.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...30).contains(name.count), name.allSatisfy(IdentityService.isNameCharacter) else {
            throw DomainError(.invalid, code: "identity.bad-name", title: "姓名不正确", detail: "请填写与身份证一致的姓名（2 至 30 个字）。")
        }
        let phone = try Phone(command.phone)
        try policy.check(command.password, personal: [phone.digits, username])
        let now = clock.now()
        let member = StaffMember(
            id: UUID(), username: username, nameMasked: Masking.name(name), phoneMasked: Masking.phone(phone.digits),
            departmentID: command.departmentID, totpEnrolled: false, status: .active, createdAt: now, updatedAt: now)
        return PreparedStaff(
            member: member, seals: try StaffSeals(name: name, phone: phone.digits, sealer: sealer),
            passwordHash: hasher.hash(command.password))
    }

    func insertStaff(_ prepared: PreparedStaff, actor: Actor, tx: Transaction) async throws -> StaffMember {
        let member = prepared.member
        if try await tx.sql.raw("SELECT id FROM idn_staff WHERE username = \(bind: member.username)").first() != nil {
            throw DomainError(
                .conflict, code: "identity.username-taken", title: "用户名已存在",
                detail: "用户名（工号）“\(member.username)”已被使用，请换一个。")
        }
        _ = try await departmentPath(member.departmentID, sql: tx.sql)
        try await tx.sql.raw(
            """
            INSERT INTO idn_staff (id, username, name_sealed, name_masked, phone_sealed, phone_index, phone_masked,
                department_id, password_hash, totp_enrolled, status, created_at, updated_at)
            VALUES (\(bind: member.id), \(bind: member.username), \(bind: Data(prepared.seals.name)),
                \(bind: member.nameMasked), \(bind: Data(prepared.seals.phone)), \(bind: prepared.seals.phoneIndex),
                \(bind: member.phoneMasked), \(bind: member.departmentID), \(bind: prepared.passwordHash), 0,
                \(bind: member.status.rawValue), \(bind: member.createdAt), \(bind: member.updatedAt))
            """
        ).run()
        try await audit.append(
            actor.entry(
                action: "identity.staff-create", objectType: "staff", objectID: member.id.uuidString,
                changeDigest: try audit.digest(of: member)), in: tx)
        return member
    }

    func staffMember(_ id: UUID, sql: any SQLDatabase) async throws -> StaffMember {
        guard
            let row = try await sql.raw("SELECT \(unsafeRaw: Self.staffColumns) FROM idn_staff WHERE id = \(bind: id)")
                .first()
        else { throw Self.notFound("staff") }
        return try Self.decodeStaff(row)
    }

    static let staffColumns =
        "id, username, name_masked, phone_masked, department_id, totp_enrolled, status, created_at, updated_at"

    static func decodeStaff(_ row: any SQLRow) throws -> StaffMember {
        StaffMember(
            id: try row.decode(column: "id", as: UUID.self),
            username: try row.decode(column: "username", as: String.self),
            nameMasked: try row.decode(column: "name_masked", as: String.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            totpEnrolled: try row.decode(column: "totp_enrolled", as: Int.self) != 0,
            status: StaffStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .disabled,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
