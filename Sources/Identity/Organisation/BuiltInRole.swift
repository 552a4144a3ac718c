/// The roles every installation starts with, seeded by the organisation migration.
///
/// The system administrator runs the organisation but reads neither the audit log nor personal
/// data in clear, and the auditor reads the log but changes nothing (三员分立).
public enum BuiltInRole: String, Sendable, CaseIterable {
    /// 系统管理员: departments, staff, roles, apps and jobs everywhere.
    case systemAdmin = "system-admin"
    /// 部门管理员: departments, staff and service items of a department.
    case departmentAdmin = "department-admin"
    /// 窗口人员: counter intake, legal-person accounts, identity checks in clear.
    case counterClerk = "counter-clerk"
    /// 审批人员: review and decide cases.
    case approver
    /// 审计员: reads the audit log.
    case auditor
    /// 事项审核员: reviews and publishes the departments' drafted service items.
    case catalogReviewer = "catalog-reviewer"
    /// 财务人员: the department's payments, refunds and reconciliation.
    case financeOfficer = "finance-officer"
    /// 好差评监督员: decides appeals on bad-review rectifications and records hotline messages.
    case serviceSupervisor = "service-supervisor"

    /// The Chinese name.
    public var name: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .departmentAdmin: "部门管理员"
        case .counterClerk: "窗口人员"
        case .approver: "审批人员"
        case .auditor: "审计员"
        case .catalogReviewer: "事项审核员"
        case .financeOfficer: "财务人员"
        case .serviceSupervisor: "好差评监督员"
        }
    }

    /// What the role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .systemAdmin:
            [
                .organisationRead, .departmentsManage, .staffManage, .rolesManage, .oidcClientsManage, .jobsManage,
                .enterpriseManage, .catalogManage,
            ]
        case .departmentAdmin:
            [.organisationRead, .departmentsManage, .staffManage, .catalogManage, .licensesKeys, .evaluationRespond]
        case .counterClerk: [.organisationRead, .casesIntake, .enterpriseManage, .personReadClear, .paymentsCollect]
        case .approver: [.organisationRead, .casesHandle, .casesApprove, .licensesIssue]
        case .auditor: [.organisationRead, .auditRead]
        case .catalogReviewer: [.organisationRead, .catalogPublish]
        case .financeOfficer: [.organisationRead, .paymentsFinance]
        case .serviceSupervisor: [.organisationRead, .evaluationSupervise]
        }
    }

    /// The role as stored.
    public var role: Role {
        Role(code: rawValue, name: name, permissions: permissions, isBuiltIn: true)
    }
}
