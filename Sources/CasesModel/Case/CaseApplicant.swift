public import Foundation

/// Who applies: a person, or an enterprise through its representative or agent.
public struct CaseApplicant: Codable, Sendable, Hashable {
    /// Whether the applicant is a person or an enterprise.
    public enum Kind: String, Codable, Sendable {
        /// 自然人.
        case person
        /// 法人.
        case enterprise
    }

    /// The online account that filed it, if any; a walk-in at the window may have none.
    public var accountID: UUID?
    /// Person or enterprise.
    public var kind: Kind
    /// The name (of the person or the enterprise).
    public var name: String
    /// The 身份证号 (or the 统一社会信用代码 of an enterprise).
    public var idNumber: String
    /// A mobile number for notices.
    public var phone: String

    /// Creates an applicant.
    public init(accountID: UUID?, kind: Kind = .person, name: String, idNumber: String, phone: String) {
        self.accountID = accountID
        self.kind = kind
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }
}
