import Foundation
import Kernel
import Licenses

/// The view model of a license for its issuing staff: the certificate in clear, its history, and
/// the commands its status allows (suspend, reinstate, revoke with a reason; renew with changed fields).
struct LicenseStaffLicensePage {
    /// One line of the history.
    struct Line {
        var action: String
        var actor: String
        var reason: String?
        var at: String
    }

    var layout: Layout
    var certificate: LicenseCertificate
    var history: [Line]
    var canSuspend: Bool
    var canReinstate: Bool
    var canRevoke: Bool
    var canRenew: Bool
    /// The renewal form's inputs, holding the current values.
    var inputs: [LicenseFormInput]
    var caseHref: String?
    var notice: String?
    var error: DomainError?

    /// The page of `license` with its `history`.
    init(layout: Layout, license: License, type: LicenseType?, history: [LicenseHistoryEntry], today: CalendarDay) {
        self.layout = layout
        certificate = LicenseCertificate(license, type: type, today: today)
        self.history = history.map { entry in
            Line(
                action: Self.actionLabel(entry.action), actor: Self.actorLabel(entry.actor), reason: entry.reason,
                at: CasePageFormat.time(entry.at))
        }
        canSuspend = license.status == .valid
        canReinstate = license.status == .suspended
        canRevoke = license.status == .valid || license.status == .suspended
        canRenew = type != nil && (license.status == .valid || license.status == .suspended)
        // Renewal merges what is posted over the current values, so nothing is required on this form.
        inputs = (type?.fields ?? []).map {
            LicenseFormInput($0, value: license.fields[$0.key] ?? "", requiredHere: false)
        }
        caseHref = license.caseID.map { "/staff/cases/\($0.uuidString)" }
    }

    /// What a history action means, in Chinese.
    static func actionLabel(_ action: String) -> String {
        switch action {
        case "issued": "手工签发"
        case "issued-from-case": "办件办结自动签发"
        case "imported": "存量证照导入"
        case "suspend": "暂停使用"
        case "reinstate": "恢复有效"
        case "revoke": "注销"
        case "renewed": "换发（新版本）"
        case "superseded": "已被新版本取代"
        default: action
        }
    }

    /// Who acted: the platform itself or a staff member (by the start of their id; names stay in the audit log).
    static func actorLabel(_ actor: String) -> String {
        if actor == "system" { return "系统" }
        if actor.hasPrefix("staff:") { return "工作人员 " + String(actor.dropFirst(6).prefix(8)) }
        return actor
    }
}
