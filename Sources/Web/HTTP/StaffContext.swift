public import Identity
import Kernel

/// A signed-in staff member as the request sees them: the session and the permissions they hold.
public struct StaffContext: Sendable {
    /// The staff session.
    public var session: StaffSessionInfo
    /// The permissions of their roles (in any data scope), read afresh on every request.
    public var permissions: Set<Permission>

    /// The actor for the organisation service.
    var actor: StaffActor { StaffActor(session: session) }
}

extension AppRequestContext {
    /// The signed-in staff member, or 403 saying what `feature` is for (operators are not staff).
    func requireStaff(for feature: String) throws -> StaffContext {
        guard let staff else {
            throw DomainError(
                .forbidden, code: "auth.staff-required", title: "请以工作人员身份登录",
                detail: "\(feature)，请到 /staff/login 登录。")
        }
        return staff
    }
}
