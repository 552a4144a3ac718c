/// What a legal representative submits to register their enterprise (法人注册).
public struct RegisterEnterprise: Sendable, Equatable, Codable {
    /// The 统一社会信用代码 on the business licence.
    public var creditCode: String
    /// The registered name, exactly as on the business licence.
    public var name: String

    /// Creates the command.
    public init(creditCode: String, name: String) {
        self.creditCode = creditCode
        self.name = name
    }
}
