public import Foundation
public import Storage

/// A person acting through their account: rating, appealing, asking, giving feedback.
public struct Citizen: Sendable, Equatable {
    /// The person's account.
    public var accountID: UUID
    /// The channel: `pc`, `mobile`, `third-party`.
    public var channel: String
    /// The client address.
    public var clientAddress: String

    /// Creates the actor.
    public init(accountID: UUID, channel: String = "pc", clientAddress: String) {
        self.accountID = accountID
        self.channel = channel
        self.clientAddress = clientAddress
    }

    /// How the audit log names the person.
    public var auditActor: Actor {
        Actor(id: accountID.uuidString, channel: channel, clientAddress: clientAddress, roles: ["person"])
    }
}
