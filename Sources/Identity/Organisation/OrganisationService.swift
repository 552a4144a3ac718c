import Foundation
public import Kernel
import SQLKit
public import Storage

/// Departments, staff accounts, roles and data scopes, and staff login with TOTP.
///
/// Every command and every read of organisation data names the acting staff member and passes
/// `authorize` here, not at the route, so no door into the service skips the check.
public struct OrganisationService: Sendable {
    let database: any Database
    let audit: AuditLog
    let sealer: FieldSealer
    let clock: any Clock
    let policy: PasswordPolicy
    let hasher: PasswordHasher
    let throttle = LoginThrottle()
    let sessions: SessionPolicy
    let divisions: DivisionTable
    /// Compared against when no account matches, so both paths cost one bcrypt verification.
    let absentAccountHash: String

    /// Staff sessions end sooner than citizens': 15 minutes idle, 10 hours in all (a working day).
    public static let defaultSessions = SessionPolicy(idleTimeout: 15 * 60, absoluteTimeout: 10 * 3600)

    /// Creates the service.
    public init(
        database: any Database, audit: AuditLog, sealer: FieldSealer, clock: any Clock,
        hasher: PasswordHasher = PasswordHasher(), sessions: SessionPolicy = OrganisationService.defaultSessions,
        divisions: DivisionTable
    ) {
        self.database = database
        self.audit = audit
        self.sealer = sealer
        self.clock = clock
        self.policy = PasswordPolicy()
        self.hasher = hasher
        self.sessions = sessions
        self.divisions = divisions
        self.absentAccountHash = hasher.hash(UUID().uuidString)
    }

    static func notFound(_ what: String) -> DomainError {
        DomainError(
            .notFound, code: "identity.\(what)-not-found", title: "记录不存在",
            detail: "没有找到这个\(Self.noun(what))，可能已被删除或编号有误。")
    }

    private static func noun(_ what: String) -> String {
        switch what {
        case "department": "部门"
        case "staff": "工作人员"
        case "role": "角色"
        default: "记录"
        }
    }
}
