import Foundation

/// A contact's name and phone as sealed at rest.
struct ContactCard: Codable, Sendable, Equatable {
    var name: String
    var phone: String

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }

    static func parse(_ text: String) throws -> ContactCard {
        try JSONDecoder().decode(ContactCard.self, from: Data(text.utf8))
    }
}
