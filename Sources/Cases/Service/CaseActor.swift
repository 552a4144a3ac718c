public import CasesModel
public import Foundation
public import Identity
public import Storage

/// Who acts on a case: the applicant through their account, a staff member, or the platform.
public enum CaseActor: Sendable, Equatable {
    /// A person acting for themselves, on `channel`.
    case applicant(accountID: UUID, channel: CaseChannel, clientAddress: String)
    /// A staff member (a window clerk, a reviewer, an approver).
    case staff(StaffActor)
    /// The platform itself (a job).
    case system

    /// How the audit log and the timeline name the actor.
    public var auditActor: Actor {
        switch self {
        case .applicant(let id, let channel, let address):
            Actor(id: id.uuidString, channel: channel.rawValue, clientAddress: address, roles: ["person"])
        case .staff(let staff): staff.auditActor
        case .system: .system
        }
    }

    /// The channel written into the timeline.
    var channelName: String {
        switch self {
        case .applicant(_, let channel, _): channel.rawValue
        case .staff(let staff): staff.channel == "counter" ? CaseChannel.window.rawValue : staff.channel
        case .system: "system"
        }
    }
}
