import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Departments")
struct DepartmentTests {
    static let shijiazhuang = try! DivisionCode("130100")

    @Test("the demo tree lists as a tree, children under their parents by code", arguments: TestDatabase.available)
    func tree(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let tree = try await fixture.service.departmentTree(by: fixture.actor("admin"))

            // Top-level departments sort by code: SJZ-GAJ, SJZ-GJJ, … SJZ-RSJ (6th) … SJZ-ZWJ (last).
            #expect(tree.count == 14)
            #expect(tree.first?.department.name == "市公安局")
            #expect(tree.last?.department.name == "市政务服务数据管理局")
            #expect(tree.last?.children.map(\.department.name) == ["办公室", "政务服务科"])
            #expect(tree.flatMap(\.flattened).count == 18)
            #expect(tree[5].department.name == "市人力资源和社会保障局")
            #expect(tree[5].children[0].department.depth == 1)
            #expect(tree.allSatisfy { $0.department.divisionCode == Self.shijiazhuang })
        }
    }

    @Test("a department and everything under it come from one range query", arguments: TestDatabase.available)
    func subtree(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let admin = fixture.actor("admin")
            let employment = fixture.department("SJZ-RSJ-JYCJK")
            let desk = try await fixture.service.createDepartment(
                CreateDepartment(
                    code: "SJZ-RSJ-JYCJK-1", name: "招聘服务股", parentID: employment.id, divisionCode: Self.shijiazhuang),
                by: admin)

            let under = try await fixture.service.departments(under: fixture.department("SJZ-RSJ").id, by: admin)

            #expect(under.map(\.code) == ["SJZ-RSJ", "SJZ-RSJ-JYCJK", "SJZ-RSJ-JYCJK-1"])
            #expect(desk.depth == 2)
            #expect(desk.parentID == employment.id)
        }
    }

    @Test("rename keeps the code and place, and is audited", arguments: TestDatabase.available)
    func rename(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let office = fixture.department("SJZ-ZWJ-BGS")
            fixture.clock.advance(by: 60)

            let renamed = try await fixture.service.renameDepartment(
                office.id, to: " 综合办公室 ", by: fixture.actor("admin"))

            #expect(renamed.name == "综合办公室")
            #expect(renamed.code == office.code)
            #expect(renamed.parentID == office.parentID)
            #expect(renamed.updatedAt == office.updatedAt.addingTimeInterval(60))
            #expect(try await fixture.auditActions().last == "identity.department-rename")
        }
    }

    @Test("a move carries the whole subtree along", arguments: TestDatabase.available)
    func move(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let admin = fixture.actor("admin")
            let employment = fixture.department("SJZ-RSJ-JYCJK")
            let desk = try await fixture.service.createDepartment(
                CreateDepartment(code: "DESK", name: "招聘服务股", parentID: employment.id, divisionCode: Self.shijiazhuang),
                by: admin)
            let bureau = fixture.department("SJZ-ZWJ-ZWFWK")

            let moved = try await fixture.service.moveDepartment(employment.id, under: bureau.id, by: admin)

            #expect(moved.parentID == bureau.id)
            #expect(moved.depth == 2)
            let underBureau = try await fixture.service.departments(under: bureau.id, by: admin)
            #expect(underBureau.map(\.code) == ["SJZ-ZWJ-ZWFWK", "SJZ-RSJ-JYCJK", "DESK"])
            #expect(try await fixture.service.department(desk.id, by: admin).depth == 3)
            let underOld = try await fixture.service.departments(under: fixture.department("SJZ-RSJ").id, by: admin)
            #expect(underOld.map(\.code) == ["SJZ-RSJ"])

            let top = try await fixture.service.moveDepartment(employment.id, under: nil, by: admin)

            #expect(top.parentID == nil)
            #expect(try await fixture.service.department(desk.id, by: admin).depth == 1)
            #expect(
                try await fixture.auditActions().suffix(2) == ["identity.department-move", "identity.department-move"])
        }
    }

    @Test("a move under itself or its own descendant is refused", arguments: TestDatabase.available)
    func cycle(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let admin = fixture.actor("admin")
            let bureau = fixture.department("SJZ-RSJ")
            let employment = fixture.department("SJZ-RSJ-JYCJK")
            let before = try await fixture.auditActions()

            let underChild = await domainError {
                try await fixture.service.moveDepartment(bureau.id, under: employment.id, by: admin)
            }
            let underSelf = await domainError {
                try await fixture.service.moveDepartment(bureau.id, under: bureau.id, by: admin)
            }

            #expect(underChild?.code == "identity.department-cycle")
            #expect(underChild?.kind == .conflict)
            #expect(underSelf?.code == "identity.department-cycle")
            #expect(underChild?.detail.containsChinese == true)
            #expect(try await fixture.service.department(employment.id, by: admin).parentID == bureau.id)
            #expect(try await fixture.auditActions() == before, "a refused command writes nothing")
        }
    }

    @Test("codes are unique and divisions must be current", arguments: TestDatabase.available)
    func validation(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            let admin = fixture.actor("admin")
            func create(_ code: String, _ division: String) async -> DomainError? {
                await domainError {
                    try await fixture.service.createDepartment(
                        CreateDepartment(
                            code: code, name: "某某局", parentID: nil, divisionCode: try DivisionCode(division)),
                        by: admin)
                }
            }

            #expect(await create("SJZ-RSJ", "130100")?.code == "identity.department-code-taken")
            #expect(await create("QD-ZWJ", "130103")?.code == "identity.bad-division", "桥东区 is historical")
            #expect(await create("X", "130100")?.code == "identity.bad-department-code")
            #expect(await create("长安区局", "130102")?.code == "identity.bad-department-code")
            let district = try await fixture.service.createDepartment(
                CreateDepartment(
                    code: "CA-XZSPJ", name: "长安区行政审批局", parentID: nil, divisionCode: try DivisionCode("130102")),
                by: admin)
            #expect(district.divisionCode.rawValue == "130102")
            #expect(district.depth == 0)
        }
    }
}
