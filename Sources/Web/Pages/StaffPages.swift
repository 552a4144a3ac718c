import Foundation
import Identity
import Kernel

/// The view model of 工作人员登录.
struct StaffLoginPage {
    var layout: Layout
    var next: String
    var username = ""
    var error: DomainError?
}

/// The view model of the TOTP step, with the enrolment secret the first time.
struct StaffCodePage {
    var layout: Layout
    var challenge: String
    var next: String
    var enrolment: TOTPEnrolment?
}

/// The view model of 工作台, the staff home page: the tools their permissions open.
struct AdminHomePage {
    struct Tool {
        var href: String
        var label: String
        var detail: String
    }

    var layout: Layout
    var name: String
    var tools: [Tool]
    var permissionLabels: [String]

    init(layout: Layout, member: StaffMember?, permissions: Set<Permission>, isOperator: Bool) {
        self.layout = layout
        name = isOperator ? "运维人员" : member.map { "\($0.nameMasked)（\($0.username)）" } ?? ""
        let all: [(Permission, Tool)] = [
            (.jobsManage, Tool(href: "/admin/jobs", label: "后台任务", detail: "查看失败任务并重试")),
            (.oidcClientsManage, Tool(href: "/admin/oidc/clients", label: "接入应用管理", detail: "登记小程序、部门系统等统一身份认证接入应用")),
            (.organisationRead, Tool(href: "/admin/staff", label: "组织机构与工作人员", detail: "部门树、工作人员及其角色")),
        ]
        tools = all.filter { permissions.contains($0.0) }.map(\.1)
        permissionLabels = permissions.sorted().map(\.label)
    }
}

/// The view model of 组织机构与工作人员: the department tree and the staff directory (masked).
struct StaffDirectoryPage {
    struct Row {
        var indent: String
        var name: String
        var code: String
        var staff: [String]
    }

    var layout: Layout
    var rows: [Row]

    init(layout: Layout, departments: [Department], staff: [StaffMember]) {
        self.layout = layout
        let byDepartment = Dictionary(grouping: staff, by: \.departmentID)
        rows = departments.map { department in
            Row(
                indent: String(repeating: "　", count: department.depth), name: department.name, code: department.code,
                staff: (byDepartment[department.id] ?? []).map {
                    "\($0.nameMasked)（\($0.username)）" + ($0.status == .active ? "" : "，已停用")
                })
        }
    }
}
