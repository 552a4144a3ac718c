/// A branch of an item's rules (情形) that decides which materials apply.
///
/// Situations come in groups that each ask one question (申请类型: 首次申领 / 换领); the
/// applicant picks one answer per group.
public struct Situation: Codable, Sendable, Hashable {
    /// Stable code within the item, such as `S01`.
    public var code: String
    /// The question it answers, such as 申请类型.
    public var group: String
    /// The answer, such as 首次申领.
    public var name: String

    /// Creates a situation.
    public init(code: String, group: String, name: String) {
        self.code = code
        self.group = group
        self.name = name
    }
}
