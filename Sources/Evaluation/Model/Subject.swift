import Foundation

/// What a message or demand is about: an item and the department that answers for it, or a
/// department as a whole.
struct Subject: Sendable, Equatable {
    var itemCode: String?
    var itemName: String?
    var departmentID: UUID
    var departmentName: String
}
