/// Why one value of an application form cannot be accepted, in words for the applicant.
public struct FieldProblem: Codable, Sendable, Hashable {
    /// The field's key.
    public var key: String
    /// The reason, in Chinese, such as 请填写经营场所面积.
    public var message: String

    /// Creates a problem.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}
