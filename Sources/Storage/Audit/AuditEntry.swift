import Foundation

/// What one command did, as the caller describes it before it is chained into the log.
public struct AuditEntry: Sendable, Equatable {
    /// Who acted: an account id, `operator`, or `system:<worker>`.
    public var actor: String
    /// What was done, such as `messaging.send`.
    public var action: String
    /// The kind of object acted on.
    public var objectType: String
    /// The object's id.
    public var objectID: String
    /// The channel the command came through: `web`, `api`, `counter`, `cli`, `system`.
    public var channel: String
    /// The client's address, or `-` for internal work.
    public var clientAddress: String
    /// A digest of the change (hex), so the log proves what changed without holding personal data.
    public var changeDigest: String

    /// Describes a command.
    public init(
        actor: String, action: String, objectType: String, objectID: String, channel: String,
        clientAddress: String, changeDigest: String
    ) {
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.channel = channel
        self.clientAddress = clientAddress
        self.changeDigest = changeDigest
    }
}

/// Who asked for a command and through which door; passed from the web layer into services.
public struct Actor: Sendable, Equatable {
    /// The acting account, `operator`, or `system`.
    public var id: String
    /// The channel: `web`, `api`, `counter`, `cli`, `system`.
    public var channel: String
    /// The client's address.
    public var clientAddress: String
    /// The roles the actor holds; services check these, not the routes alone.
    public var roles: Set<String>

    /// Creates an actor.
    public init(id: String, channel: String, clientAddress: String, roles: Set<String> = []) {
        self.id = id
        self.channel = channel
        self.clientAddress = clientAddress
        self.roles = roles
    }

    /// Whether the actor holds any of `roles`.
    public func holdsAny(of roles: Set<String>) -> Bool { !self.roles.isDisjoint(with: roles) }

    /// Internal work done by the platform itself.
    public static let system = Actor(id: "system", channel: "system", clientAddress: "-", roles: ["system"])

    /// Builds the audit entry for a command this actor ran.
    public func entry(action: String, objectType: String, objectID: String, changeDigest: String) -> AuditEntry {
        AuditEntry(
            actor: id, action: action, objectType: objectType, objectID: objectID, channel: channel,
            clientAddress: clientAddress, changeDigest: changeDigest)
    }
}
