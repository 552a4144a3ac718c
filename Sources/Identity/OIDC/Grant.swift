import Foundation

/// What a set of tokens is issued for: one client, perhaps one person, one family of rotations.
struct Grant: Sendable {
    var client: OIDCClient
    var personID: UUID?
    var sessionID: UUID?
    var scope: String
    var acr: String
    var amr: String
    var authTime: Date?
    var family: UUID
    var nonce: String?
}
