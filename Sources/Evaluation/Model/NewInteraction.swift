public import Foundation

/// A consultation, complaint or suggestion to record.
public struct NewInteraction: Sendable, Equatable, Codable {
    /// The kind.
    public var kind: InteractionKind
    /// The item's 业务办理项编码, when it is about an item (its department then answers).
    public var itemCode: String?
    /// The department, when it is about a department as a whole.
    public var departmentID: UUID?
    /// A title of 2 to 50 characters.
    public var title: String
    /// The message, 5 to 2000 characters.
    public var content: String
    /// The contact name (recorded for phone messages; the account's name is used online).
    public var contactName: String?
    /// The contact phone, a mainland mobile number, for the call-back.
    public var contactPhone: String

    /// Creates the message.
    public init(
        kind: InteractionKind, itemCode: String? = nil, departmentID: UUID? = nil, title: String, content: String,
        contactName: String? = nil, contactPhone: String
    ) {
        self.kind = kind
        self.itemCode = itemCode
        self.departmentID = departmentID
        self.title = title
        self.content = content
        self.contactName = contactName
        self.contactPhone = contactPhone
    }
}
