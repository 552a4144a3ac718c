public import Foundation
public import Storage

/// The staff member a command is run by, with the door it came through.
///
/// It names the account only; what the account may do is read from the database at every check,
/// so a revoked role or a disabled account takes effect on the next request.
public struct StaffActor: Sendable, Equatable {
    /// The acting staff member.
    public var staffID: UUID
    /// The channel: `web`, `counter`, `api`.
    public var channel: String
    /// The client address.
    public var clientAddress: String

    /// Creates the actor.
    public init(staffID: UUID, channel: String, clientAddress: String) {
        self.staffID = staffID
        self.channel = channel
        self.clientAddress = clientAddress
    }

    /// The actor of a live staff session.
    public init(session: StaffSessionInfo) {
        self.init(staffID: session.staffID, channel: session.channel, clientAddress: session.clientAddress)
    }

    /// How the audit log names this actor: `staff:<id>`, apart from person accounts.
    public var auditActor: Actor {
        Actor(id: "staff:" + staffID.uuidString, channel: channel, clientAddress: clientAddress, roles: ["staff"])
    }
}
