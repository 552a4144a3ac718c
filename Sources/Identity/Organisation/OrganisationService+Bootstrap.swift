import Foundation
import Kernel
import SQLKit
public import Storage

extension OrganisationService {
    /// Creates the first department and its system administrator (scope `all`) on an installation
    /// without staff; refused once any staff account exists.
    ///
    /// This is the one command without a staff actor, for `zhengtong` run by the operator: someone
    /// has to hold the first role. `administrator.departmentID` is ignored.
    public func bootstrap(department: CreateDepartment, administrator: CreateStaff, by actor: Actor) async throws
        -> (Department, StaffMember)
    {
        let prepared = try prepare(administrator)
        return try await database.transaction { tx in
            guard try await tx.sql.raw("SELECT id FROM idn_staff LIMIT 1").first() == nil else {
                throw DomainError(
                    .conflict, code: "identity.already-bootstrapped", title: "已有工作人员",
                    detail: "平台已有工作人员账号，请由系统管理员在管理页面中添加。")
            }
            let created = try await insertDepartment(
                CreateDepartment(
                    code: department.code, name: department.name, parentID: nil, divisionCode: department.divisionCode),
                actor: actor, tx: tx)
            var ready = prepared
            ready.member.departmentID = created.id
            let member = try await insertStaff(ready, actor: actor, tx: tx)
            let assignment = RoleAssignment(
                staffID: member.id, roleCode: BuiltInRole.systemAdmin.rawValue, scope: .all, grantedAt: clock.now())
            try await writeAssignment(assignment, tx: tx)
            try await audit.append(
                actor.entry(
                    action: "identity.role-assign", objectType: "staff", objectID: member.id.uuidString,
                    changeDigest: try audit.digest(of: assignment)), in: tx)
            return (created, member)
        }
    }
}
