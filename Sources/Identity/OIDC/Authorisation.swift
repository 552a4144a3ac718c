public import Foundation

/// An application a person has authorised (我授权的应用).
public struct Authorisation: Sendable, Codable, Equatable {
    /// The client id.
    public var clientID: String
    /// The client's name.
    public var clientName: String
    /// The granted scopes.
    public var scopes: [String]
    /// When consent was last given.
    public var grantedAt: Date
}

/// What RP-initiated logout should do once the person confirms.
public struct EndSession: Sendable, Equatable {
    /// The application that asked, if known.
    public var clientName: String?
    /// Where to send the browser afterwards, with `state`, if the address is registered.
    public var redirect: URL?
}
