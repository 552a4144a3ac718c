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
    /// The enrolment URI as a QR code for the authenticator app to scan.
    var qr: String?

    init(layout: Layout, challenge: String, next: String, enrolment: TOTPEnrolment?) {
        self.layout = layout
        self.challenge = challenge
        self.next = next
        self.enrolment = enrolment
        qr = enrolment.flatMap { try? QRCode(text: $0.uri).svg(label: "验证器绑定二维码，请用手机验证器应用扫描") }
    }
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
            (.rolesManage, Tool(href: "/admin/roles", label: "角色管理", detail: "查看角色与权限，新建自定义角色")),
            (.casesIntake, Tool(href: "/admin/counter", label: "窗口核验", detail: "查询群众账号，现场核验提升到 L4")),
            (.evaluationRespond, Tool(href: "/staff/evaluation", label: "好差评与政民互动", detail: "差评回访整改、留言答复、办事诉求")),
            (.evaluationSupervise, Tool(href: "/staff/evaluation", label: "好差评与政民互动", detail: "差评回访整改、留言答复、办事诉求")),
        ]
        // One line per tool, even when several permissions open it.
        var seen: Set<String> = []
        tools = all.filter { permissions.contains($0.0) && seen.insert($0.1.href).inserted }.map(\.1)
        permissionLabels = permissions.sorted().map(\.label)
    }
}

/// The view model of 组织机构与工作人员: the department tree, the staff directory (masked) and
/// the forms to create staff, assign roles and disable accounts.
struct StaffDirectoryPage {
    struct Row {
        var indent: String
        var id: String
        var name: String
        var code: String
        var staff: [Member]
    }

    struct Member {
        var id: String
        var label: String
        var active: Bool
    }

    struct Choice {
        var value: String
        var label: String
    }

    var layout: Layout
    var rows: [Row]
    var departments: [Choice]
    var members: [Choice]
    var roles: [Choice]
    var scopes: [Choice]
    var canManage = false
    var notice: String?
    var error: DomainError?

    init(layout: Layout, departments: [Department], staff: [StaffMember], roles: [Role]) {
        self.layout = layout
        let byDepartment = Dictionary(grouping: staff, by: \.departmentID)
        rows = departments.map { department in
            Row(
                indent: String(repeating: "　", count: department.depth), id: department.id.uuidString,
                name: department.name, code: department.code,
                staff: (byDepartment[department.id] ?? []).map {
                    Member(
                        id: $0.id.uuidString,
                        label: "\($0.nameMasked)（\($0.username)）" + ($0.status == .active ? "" : "，已停用"),
                        active: $0.status == .active)
                })
        }
        self.departments = departments.map {
            Choice(value: $0.id.uuidString, label: String(repeating: "　", count: $0.depth) + $0.name)
        }
        members = staff.map { Choice(value: $0.id.uuidString, label: "\($0.nameMasked)（\($0.username)）") }
        self.roles = roles.map { Choice(value: $0.code, label: $0.name) }
        scopes = DataScope.allCases.map { Choice(value: $0.rawValue, label: $0.label) }
    }
}

/// The view model of 窗口核验: the person found (masked), their data in clear once revealed.
struct CounterPage {
    var layout: Layout
    var person: PersonProfile?
    var level: String?
    var clear: PersonInClear?
    var notice: String?
    var error: DomainError?

    init(layout: Layout, person: PersonProfile?, clear: PersonInClear?) {
        self.layout = layout
        self.person = person
        level = person?.realNameLevel.label
        self.clear = clear
    }
}

/// The view model of 角色管理.
struct RolesPage {
    struct Row {
        var name: String
        var code: String
        var permissions: String
        var builtIn: Bool
    }

    struct Option {
        var value: String
        var label: String
    }

    var layout: Layout
    var rows: [Row]
    var catalogue: [Option]
    var notice: String?
    var error: DomainError?

    init(layout: Layout, roles: [Role]) {
        self.layout = layout
        rows = roles.map { role in
            Row(
                name: role.name, code: role.code,
                permissions: role.permissions.sorted().map(\.label).joined(separator: "、"), builtIn: role.isBuiltIn)
        }
        catalogue = Permission.allCases.map { Option(value: $0.rawValue, label: $0.label) }
    }
}
