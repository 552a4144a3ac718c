public import Foundation

/// A natural-person account as the person and staff see it: personal numbers masked.
public struct PersonProfile: Sendable, Equatable, Codable {
    /// The account id.
    public var id: UUID
    /// The name, masked (张*).
    public var nameMasked: String
    /// The 身份证号, masked (130***********1234).
    public var idNumberMasked: String
    /// The mobile number, masked (138****0000).
    public var phoneMasked: String
    /// How strongly the identity is proven.
    public var realNameLevel: RealNameLevel
    /// When the account was created.
    public var createdAt: Date
}

/// What a person submits to open an account (注册).
public struct RegisterPerson: Sendable, Equatable, Codable {
    /// The legal name.
    public var name: String
    /// The 18-character 身份证号.
    public var idNumber: String
    /// The 11-digit mobile number.
    public var phone: String
    /// The chosen password.
    public var password: String

    /// Creates the command.
    public init(name: String, idNumber: String, phone: String, password: String) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.password = password
    }
}
