import Foundation
public import Kernel
import SQLKit
public import Storage

extension OrganisationService {
    /// The password of every demo staff account.
    public static let demoPassword = "政通工作人员2026"

    /// The demo departments: code, name, parent code.
    static let demoDepartments: [(code: String, name: String, parent: String?)] = [
        ("SJZ-ZWJ", "市政务服务数据管理局", nil),
        ("SJZ-ZWJ-BGS", "办公室", "SJZ-ZWJ"),
        ("SJZ-ZWJ-ZWFWK", "政务服务科", "SJZ-ZWJ"),
        ("SJZ-RSJ", "市人力资源和社会保障局", nil),
        ("SJZ-RSJ-JYCJK", "就业促进科", "SJZ-RSJ"),
        ("SJZ-GAJ", "市公安局", nil),
        ("SJZ-GAJ-HZK", "户政科", "SJZ-GAJ"),
        ("SJZ-SCJGJ", "市市场监督管理局", nil),
        ("SJZ-MZJ", "市民政局", nil),
        ("SJZ-ZJJ", "市住房和城乡建设局", nil),
        ("SJZ-WJW", "市卫生健康委员会", nil),
        ("SJZ-JTJ", "市交通运输局", nil),
        ("SJZ-STHJJ", "市生态环境局", nil),
        ("SJZ-SWJ", "国家税务总局石家庄市税务局", nil),
        ("SJZ-JYJ", "市教育局", nil),
        ("SJZ-YBJ", "市医疗保障局", nil),
        ("SJZ-GJJ", "石家庄住房公积金管理中心", nil),
        ("SJZ-ZRZYJ", "市自然资源和规划局", nil),
    ]

    /// The demo staff: username, name, phone, department code, roles with scopes, TOTP secret.
    static let demoStaff: [(String, String, String, String, [(BuiltInRole, DataScope)], String)] = [
        ("admin", "赵志刚", "13900001001", "SJZ-ZWJ-BGS", [(.systemAdmin, .all)], "ADMINZTDEMO23456"),
        ("audit", "钱秀英", "13900001002", "SJZ-ZWJ-BGS", [(.auditor, .all)], "AUDITZTDEMO23456"),
        ("window01", "孙丽", "13900001003", "SJZ-ZWJ-ZWFWK", [(.counterClerk, .department)], "WINDOWZTDEMO2345"),
        ("rsj-admin", "李明", "13900001004", "SJZ-RSJ", [(.departmentAdmin, .subtree)], "RSJADMINZTDEMO23"),
        ("rsj-jy01", "周强", "13900001005", "SJZ-RSJ-JYCJK", [(.approver, .department)], "RSJJYZTDEMO23456"),
        (
            "gaj-hz01", "吴敏", "13900001006", "SJZ-GAJ-HZK", [(.counterClerk, .department), (.approver, .department)],
            "GAJHZZTDEMO23456"
        ),
        ("review01", "郑洁", "13900001007", "SJZ-ZWJ-ZWFWK", [(.catalogReviewer, .all)], "REVIEWZTDEMO2345"),
        ("scj-admin", "冯涛", "13900001008", "SJZ-SCJGJ", [(.departmentAdmin, .subtree)], "SCJADMINZTDEMO23"),
        ("scj-sl01", "陈静", "13900001009", "SJZ-SCJGJ", [(.counterClerk, .department)], "SCJSLZTDEMO23456"),
        ("scj-sp01", "刘洋", "13900001010", "SJZ-SCJGJ", [(.approver, .department)], "SCJSPAZTDEMO2345"),
        ("scj-sp02", "杨帆", "13900001011", "SJZ-SCJGJ", [(.approver, .department)], "SCJSPBZTDEMO2345"),
        (
            "gaj-sl01", "王芳", "13900001012", "SJZ-GAJ", [(.counterClerk, .department), (.approver, .department)],
            "GAJSLZTDEMO23456"
        ),
        ("gaj-cw01", "何静", "13900001013", "SJZ-GAJ", [(.financeOfficer, .subtree)], "GAJCWZTDEMO23456"),
        ("zwj-jd01", "徐文", "13900001014", "SJZ-ZWJ-ZWFWK", [(.serviceSupervisor, .all)], "ZWJJDZTDEMO23456"),
    ]

    /// Creates the demo city's departments under `division` (石家庄市 by default) and staff who
    /// can log in at once with `demoPassword` and their fixed, already enrolled TOTP secrets.
    ///
    /// For demo installations only: the secrets are public. Refused once any staff account exists.
    public func seedDemoOrganisation(
        division: DivisionCode = try! DivisionCode("130100"), by actor: Actor = .system
    ) async throws -> DemoOrganisation {
        let prepared = try Self.demoStaff.map { username, name, phone, _, _, _ in
            try prepare(
                CreateStaff(
                    username: username, name: name, phone: phone, departmentID: UUID(), password: Self.demoPassword))
        }
        return try await database.transaction { tx in
            guard try await tx.sql.raw("SELECT id FROM idn_staff LIMIT 1").first() == nil else {
                throw DomainError(
                    .conflict, code: "identity.already-bootstrapped", title: "已有工作人员",
                    detail: "平台已有工作人员账号，演示数据只能在空库中创建。")
            }
            var departments: [Department] = []
            var byCode: [String: UUID] = [:]
            for (code, name, parent) in Self.demoDepartments {
                let department = try await insertDepartment(
                    CreateDepartment(
                        code: code, name: name, parentID: parent.flatMap { byCode[$0] }, divisionCode: division),
                    actor: actor, tx: tx)
                byCode[code] = department.id
                departments.append(department)
            }
            var staff: [DemoStaff] = []
            for (entry, var ready) in zip(Self.demoStaff, prepared) {
                let (_, _, _, departmentCode, roles, secret) = entry
                ready.member.departmentID = byCode[departmentCode]!
                var member = try await insertStaff(ready, actor: actor, tx: tx)
                let sealed = Data(try sealer.seal(secret, context: "idn_staff.totp_secret"))
                try await tx.sql.raw(
                    """
                    UPDATE idn_staff SET totp_secret_sealed = \(bind: sealed), totp_enrolled = 1
                    WHERE id = \(bind: member.id)
                    """
                ).run()
                member.totpEnrolled = true
                var assignments: [RoleAssignment] = []
                for (role, scope) in roles {
                    let assignment = RoleAssignment(
                        staffID: member.id, roleCode: role.rawValue, scope: scope, grantedAt: clock.now())
                    try await writeAssignment(assignment, tx: tx)
                    try await audit.append(
                        actor.entry(
                            action: "identity.role-assign", objectType: "staff", objectID: member.id.uuidString,
                            changeDigest: try audit.digest(of: assignment)), in: tx)
                    assignments.append(assignment)
                }
                staff.append(
                    DemoStaff(member: member, roles: assignments, password: Self.demoPassword, totpSecret: secret))
            }
            return DemoOrganisation(departments: departments, staff: staff)
        }
    }
}
