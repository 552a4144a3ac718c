/// What a staff member may do: the fixed catalogue roles are made of.
///
/// Permissions are code, not data, because each one is checked by code; roles that combine them
/// are data. Permissions marked "department-bound" are checked against a department and the
/// assignment's data scope; the others are checked without a department, and any scope suffices.
public enum Permission: String, Sendable, Codable, CaseIterable, Comparable {
    /// See the department tree and the staff directory (masked). Department-bound.
    case organisationRead = "organisation.read"
    /// Create, rename and move departments. Department-bound.
    case departmentsManage = "departments.manage"
    /// Create staff, move them, disable them, reset their TOTP, assign them roles. Department-bound.
    case staffManage = "staff.manage"
    /// Define roles from the catalogue; assign any role regardless of one's own permissions.
    case rolesManage = "roles.manage"
    /// Register and configure OIDC clients (third-party apps).
    case oidcClientsManage = "oidc-clients.manage"
    /// Read and verify the audit log.
    case auditRead = "audit.read"
    /// See and retry background jobs.
    case jobsManage = "jobs.manage"
    /// See a person's name, 身份证号 and phone in clear; every use is audited.
    case personReadClear = "person.read-clear"
    /// Manage legal-person (enterprise) accounts and their agents (经办人).
    case enterpriseManage = "enterprise.manage"
    /// Manage service items (事项) and their implementation lists. Department-bound.
    case catalogManage = "catalog.manage"
    /// Review and publish or retire drafted service items (事项审核发布). Department-bound.
    case catalogPublish = "catalog.publish"
    /// Receive applications at a counter (收件, 受理, 不予受理). Department-bound.
    case casesIntake = "cases.intake"
    /// Review cases assigned to the department (审查). Department-bound.
    case casesHandle = "cases.handle"
    /// Decide cases (决定, 办结). Department-bound.
    case casesApprove = "cases.approve"
    /// Issue, import, suspend, reinstate, revoke and renew the department's e-licenses. Department-bound.
    case licensesIssue = "licenses.issue"
    /// Rotate and revoke the department's license signing keys. Department-bound.
    case licensesKeys = "licenses.keys"
    /// Issue payment orders with reductions, take cash or card at the counter, cancel unpaid orders. Department-bound.
    case paymentsCollect = "payments.collect"
    /// See the department's payments, refund them, import statements and resolve reconciliation. Department-bound.
    case paymentsFinance = "payments.finance"
    /// Handle the department's 好差评 and messages: call bad reviewers back, rectify, answer
    /// consultations, complaints and suggestions, publish FAQs, respond to demands. Department-bound.
    case evaluationRespond = "evaluation.respond"
    /// Supervise evaluation work: decide appeals, record phone messages for any department, and
    /// everything `evaluation.respond` allows. Department-bound.
    case evaluationSupervise = "evaluation.supervise"

    /// The Chinese label shown on admin pages.
    public var label: String {
        switch self {
        case .organisationRead: "查看组织机构"
        case .departmentsManage: "管理部门"
        case .staffManage: "管理工作人员"
        case .rolesManage: "管理角色"
        case .oidcClientsManage: "管理接入应用"
        case .auditRead: "查阅审计日志"
        case .jobsManage: "管理后台任务"
        case .personReadClear: "查看个人信息明文"
        case .enterpriseManage: "管理法人账号"
        case .catalogManage: "管理政务服务事项"
        case .catalogPublish: "审核发布政务服务事项"
        case .casesIntake: "窗口收件受理"
        case .casesHandle: "办件审查"
        case .casesApprove: "办件审批决定"
        case .licensesIssue: "签发管理电子证照"
        case .licensesKeys: "管理证照签名密钥"
        case .paymentsCollect: "收取非税款项"
        case .paymentsFinance: "非税收入财务管理"
        case .evaluationRespond: "处理好差评与政民互动"
        case .evaluationSupervise: "好差评监督复核"
        }
    }

    /// Orders by raw value, so stored and listed sets are stable.
    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }
}
