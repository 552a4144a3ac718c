import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Roles, permissions and data scopes")
struct AuthorizationTests {
    static let shijiazhuang = try! DivisionCode("130100")

    @Test("the seeded roles are the built-in roles", arguments: TestDatabase.available)
    func builtInRoles(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let roles = try await fixture.service.roles(by: fixture.actor("window01"))

            #expect(roles == BuiltInRole.allCases.map(\.role))
            #expect(roles.map(\.name) == ["系统管理员", "部门管理员", "窗口人员", "审批人员", "审计员", "事项审核员", "财务人员", "好差评监督员"])
        }
    }

    @Test("a department admin acts inside their subtree and nowhere else", arguments: TestDatabase.available)
    func subtreeAdmin(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let rsjAdmin = fixture.actor("rsj-admin")
            let employment = fixture.department("SJZ-RSJ-JYCJK")
            let household = fixture.department("SJZ-GAJ-HZK")

            _ = try await fixture.service.renameDepartment(employment.id, to: "就业促进与失业保险科", by: rsjAdmin)
            let desk = try await fixture.service.createDepartment(
                CreateDepartment(
                    code: "RSJ-DESK", name: "招聘服务股", parentID: employment.id, divisionCode: Self.shijiazhuang),
                by: rsjAdmin)
            let hired = try await fixture.service.createStaff(
                CreateStaff(
                    username: "rsj-jy02", name: "郑华", phone: "13700000001", departmentID: desk.id,
                    password: OrganisationService.demoPassword), by: rsjAdmin)

            let outside: [(String, () async throws -> Any)] = [
                ("rename 户政科", { try await fixture.service.renameDepartment(household.id, to: "户籍科", by: rsjAdmin) }),
                (
                    "create under 市公安局",
                    {
                        try await fixture.service.createDepartment(
                            CreateDepartment(
                                code: "GAJ-X", name: "某科", parentID: household.id, divisionCode: Self.shijiazhuang),
                            by: rsjAdmin)
                    }
                ),
                (
                    "create at the top",
                    {
                        try await fixture.service.createDepartment(
                            CreateDepartment(code: "TOP", name: "某局", parentID: nil, divisionCode: Self.shijiazhuang),
                            by: rsjAdmin)
                    }
                ),
                (
                    "move out of the subtree",
                    { try await fixture.service.moveDepartment(desk.id, under: household.id, by: rsjAdmin) }
                ),
                (
                    "move 户政科 in",
                    { try await fixture.service.moveDepartment(household.id, under: employment.id, by: rsjAdmin) }
                ),
                (
                    "disable a police clerk",
                    {
                        try await fixture.service.setStaffStatus(
                            fixture.staff("gaj-hz01").member.id, .disabled, by: rsjAdmin)
                    }
                ),
                ("move staff out", { try await fixture.service.moveStaff(hired.id, to: household.id, by: rsjAdmin) }),
                (
                    "see a police clerk",
                    { try await fixture.service.staffMember(fixture.staff("gaj-hz01").member.id, by: rsjAdmin) }
                ),
            ]
            for (what, act) in outside {
                let error = await domainError { try await act() }
                #expect(error?.kind == .forbidden, "\(what)")
                #expect(error?.title == "无权操作", "\(what)")
                #expect(error?.detail.containsChinese == true, "\(what)")
            }
            let tree = try await fixture.service.departmentTree(by: rsjAdmin)
            #expect(tree.flatMap(\.flattened).map(\.code) == ["SJZ-RSJ", "SJZ-RSJ-JYCJK", "RSJ-DESK"])
            let directory = try await fixture.service.staffDirectory(by: rsjAdmin)
            #expect(directory.map(\.username) == ["rsj-admin", "rsj-jy01", "rsj-jy02"])
        }
    }

    @Test("the department scope does not reach the departments below", arguments: TestDatabase.available)
    func departmentScope(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let bureau = fixture.department("SJZ-RSJ")
            let employment = fixture.department("SJZ-RSJ-JYCJK")
            let narrow = try await fixture.hire("rsj-office", in: "SJZ-RSJ", role: .departmentAdmin, scope: .department)

            _ = try await fixture.service.renameDepartment(bureau.id, to: "石家庄市人力资源和社会保障局", by: narrow)
            let below = await domainError {
                try await fixture.service.renameDepartment(employment.id, to: "就业科", by: narrow)
            }
            // Creating directly under the own department stays within it.
            let child = try await fixture.service.createDepartment(
                CreateDepartment(code: "RSJ-NEW", name: "新科室", parentID: bureau.id, divisionCode: Self.shijiazhuang),
                by: narrow)

            #expect(below?.kind == .forbidden)
            let tree = try await fixture.service.departmentTree(by: narrow)
            #expect(tree.map(\.department.code) == ["SJZ-RSJ"])
            #expect(tree[0].children.isEmpty, "not even the new \(child.name)")
            let directory = try await fixture.service.staffDirectory(by: narrow)
            #expect(directory.map(\.username) == ["rsj-admin", "rsj-office"], "not 周强 of 就业促进科")
            let assignments = try await fixture.service.roleAssignments(of: narrow.staffID, by: narrow)
            #expect(assignments.map(\.scope) == [.department])
        }
    }

    @Test(
        "nobody hands out more than they hold, except who manages roles everywhere", arguments: TestDatabase.available)
    func noEscalation(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let rsjAdmin = fixture.actor("rsj-admin")
            let zhou = fixture.staff("rsj-jy01").member.id

            let admin = await domainError {
                try await fixture.service.assignRole("system-admin", to: zhou, scope: .all, by: rsjAdmin)
            }
            let auditor = await domainError {
                try await fixture.service.assignRole("auditor", to: zhou, scope: .department, by: rsjAdmin)
            }
            let wider = await domainError {
                try await fixture.service.assignRole("department-admin", to: zhou, scope: .all, by: rsjAdmin)
            }
            let own = try await fixture.service.assignRole("department-admin", to: zhou, scope: .subtree, by: rsjAdmin)
            let byRoot = try await fixture.service.assignRole(
                "auditor", to: zhou, scope: .all, by: fixture.actor("admin"))
            let revoke = await domainError { try await fixture.service.revokeRole("auditor", from: zhou, by: rsjAdmin) }
            let clerk = await domainError {
                try await fixture.service.assignRole(
                    "approver", to: zhou, scope: .department, by: fixture.actor("window01"))
            }

            #expect(admin?.code == "identity.role-escalation")
            #expect(auditor?.code == "identity.role-escalation")
            #expect(wider?.code == "identity.role-escalation")
            #expect(revoke?.code == "identity.role-escalation")
            #expect(clerk?.code == "identity.forbidden", "a counter clerk does not manage staff at all")
            #expect(own.scope == .subtree)
            #expect(byRoot.scope == .all)
            let held = try await fixture.service.roleAssignments(of: zhou, by: fixture.actor("admin"))
            #expect(held.map(\.roleCode) == ["approver", "auditor", "department-admin"])
            try await fixture.service.revokeRole("auditor", from: zhou, by: fixture.actor("admin"))
            #expect(try await fixture.service.permissions(of: fixture.actor("rsj-jy01")).contains(.auditRead) == false)
        }
    }

    @Test("authorize reads roles live: a revoked role stops working at once", arguments: TestDatabase.available)
    func live(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let rsjAdmin = fixture.actor("rsj-admin")
            let bureau = fixture.department("SJZ-RSJ").id
            try await fixture.service.authorize(rsjAdmin, .staffManage, department: bureau)

            try await fixture.service.revokeRole("department-admin", from: rsjAdmin.staffID, by: fixture.actor("admin"))

            let error = await domainError {
                try await fixture.service.authorize(rsjAdmin, .staffManage, department: bureau)
            }
            #expect(error?.kind == .forbidden)
            #expect(try await fixture.service.permissions(of: rsjAdmin).isEmpty)
        }
    }

    @Test(
        "separation of duties: the system admin reads neither the audit log nor personal data",
        arguments: TestDatabase.available)
    func separation(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let admin = fixture.actor("admin")
            let auditor = fixture.actor("audit")

            try await fixture.service.authorize(auditor, .auditRead)
            let adminAudit = await domainError { try await fixture.service.authorize(admin, .auditRead) }
            let auditorStaff = await domainError {
                try await fixture.service.createStaff(
                    CreateStaff(
                        username: "x-audit", name: "某人", phone: "13700000002",
                        departmentID: fixture.department("SJZ-ZWJ-BGS").id, password: OrganisationService.demoPassword),
                    by: auditor)
            }

            #expect(adminAudit?.kind == .forbidden)
            #expect(auditorStaff?.kind == .forbidden)
            #expect(try await fixture.service.permissions(of: admin).contains(.personReadClear) == false)
        }
    }

    @Test("reading a person in clear needs person.read-clear and is audited", arguments: TestDatabase.available)
    func reveal(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let person = try await fixture.identity.register(IdentityFixture.zhang, context: IdentityFixture.web)
            let before = try await fixture.auditActions().count

            let clear = try await fixture.service.revealPerson(
                person.id, reason: "窗口核验 办件 2026-000123", by: fixture.actor("window01"))
            let denied = await domainError {
                try await fixture.service.revealPerson(person.id, reason: "查看", by: fixture.actor("admin"))
            }
            let noReason = await domainError {
                try await fixture.service.revealPerson(person.id, reason: " ", by: fixture.actor("window01"))
            }

            #expect(clear.name == "张三")
            #expect(clear.idNumber == IdentityFixture.zhang.idNumber)
            #expect(clear.phone == IdentityFixture.zhang.phone)
            #expect(denied?.kind == .forbidden)
            #expect(noReason?.code == "identity.reveal-reason")
            let rows = try await fixture.database.read { sql in
                try await sql.raw("SELECT action, actor, object_id FROM zt_audit_log ORDER BY seq").all()
            }.dropFirst(before)
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "action", as: String.self) == "identity.person-reveal")
            #expect(
                try rows.first?.decode(column: "actor", as: String.self) == "staff:"
                    + fixture.staff("window01").member.id.uuidString)
            #expect(try rows.first?.decode(column: "object_id", as: String.self) == person.id.uuidString)
        }
    }

    @Test("every organisation command writes one audit entry, chained intact", arguments: TestDatabase.available)
    func everyCommandAudited(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let admin = fixture.actor("admin")
            let before = try await fixture.auditActions().count
            let bureau = fixture.department("SJZ-RSJ").id
            let created = try await fixture.service.createDepartment(
                CreateDepartment(code: "AUD-1", name: "审计测试科", parentID: bureau, divisionCode: Self.shijiazhuang),
                by: admin)
            _ = try await fixture.service.renameDepartment(created.id, to: "审计测试二科", by: admin)
            _ = try await fixture.service.moveDepartment(created.id, under: fixture.department("SJZ-GAJ").id, by: admin)
            let member = try await fixture.service.createStaff(
                CreateStaff(
                    username: "aud-1", name: "审计对象", phone: "13700000003", departmentID: created.id,
                    password: OrganisationService.demoPassword), by: admin)
            _ = try await fixture.service.moveStaff(member.id, to: bureau, by: admin)
            _ = try await fixture.service.assignRole("approver", to: member.id, scope: .department, by: admin)
            try await fixture.service.revokeRole("approver", from: member.id, by: admin)
            _ = try await fixture.service.setStaffStatus(member.id, .disabled, by: admin)
            _ = try await fixture.service.setStaffStatus(member.id, .active, by: admin)
            _ = try await fixture.service.resetStaffTOTP(member.id, by: admin)
            _ = try await fixture.service.createRole(
                code: "license-clerk", name: "证照管理员", permissions: [.catalogManage], by: admin)
            _ = try await fixture.service.setRolePermissions(
                "license-clerk", [.catalogManage, .casesHandle], by: admin)

            let actions = try await fixture.auditActions().dropFirst(before)

            #expect(
                Array(actions) == [
                    "identity.department-create", "identity.department-rename", "identity.department-move",
                    "identity.staff-create", "identity.staff-move", "identity.role-assign", "identity.role-revoke",
                    "identity.staff-disable", "identity.staff-enable", "identity.staff-totp-reset",
                    "identity.role-create",
                    "identity.role-update",
                ])
            let actors = try await fixture.database.read { sql in
                try await sql.raw("SELECT actor FROM zt_audit_log ORDER BY seq").all()
            }.dropFirst(before).map { try $0.decode(column: "actor", as: String.self) }
            #expect(actors.allSatisfy { $0 == "staff:" + admin.staffID.uuidString })
            #expect(
                try await AuditVerifier(database: fixture.database).verify().entryCount == Int64(before + actions.count)
            )
        }
    }

    @Test(
        "built-in roles cannot be changed, and roles are defined only by who manages them everywhere",
        arguments: TestDatabase.available)
    func roleDefinitions(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let builtIn = await domainError {
                try await fixture.service.setRolePermissions(
                    "auditor", [.auditRead, .personReadClear], by: fixture.actor("admin"))
            }
            let departmentAdmin = await domainError {
                try await fixture.service.createRole(
                    code: "mine", name: "自建角色", permissions: [], by: fixture.actor("rsj-admin"))
            }

            #expect(builtIn?.code == "identity.role-built-in")
            #expect(departmentAdmin?.kind == .forbidden)
        }
    }
}
