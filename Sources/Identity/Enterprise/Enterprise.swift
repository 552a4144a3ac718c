public import Foundation

/// A legal-person account (法人) as people and staff see it: the representative's name masked.
public struct Enterprise: Sendable, Equatable, Codable {
    /// The account id.
    public var id: UUID
    /// The 18-character 统一社会信用代码, upper-case.
    public var creditCode: String
    /// The registered name.
    public var name: String
    /// The natural-person account of the legal representative (法定代表人).
    public var representativeID: UUID
    /// The representative's name, masked (张*).
    public var representativeNameMasked: String
    /// Whether the account may be used.
    public var status: EnterpriseStatus
    /// Why staff last suspended or reinstated it; nil until they do.
    public var statusReason: String?
    /// How the representative was confirmed: the registry's method, or `demo:seed`.
    public var confirmedBy: String
    /// When the account was registered.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
}
