/// A real-name adapter the configuration may not use, with a Chinese explanation.
public struct RealNamePolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The explanation, naming the settings to change.
    public var message: String
    /// The explanation.
    public var description: String { message }

    /// Creates the error.
    public init(message: String) { self.message = message }

    static func checkService(
        baseURL: String, signature: RealNameSignature, production: Bool, urlSetting: String, secretSetting: String
    ) throws(RealNamePolicyError) {
        let lower = baseURL.lowercased()
        guard lower.hasPrefix("https://") || (!production && lower.hasPrefix("http://")) else {
            throw RealNamePolicyError(
                message: production ? "生产模式下 \(urlSetting) 必须以 https:// 开头" : "\(urlSetting) 应以 http:// 或 https:// 开头")
        }
        guard signature.hasStrongSecret else { throw RealNamePolicyError(message: "\(secretSetting) 至少 16 个字符") }
    }
}
