/// One difference between two versions of a guide, worded for the people who review it.
public struct GuideChange: Sendable, Hashable, Codable {
    /// What happened to the field or entry.
    public enum Kind: String, Sendable, Codable {
        /// Present only in the newer version.
        case added
        /// Present only in the older version.
        case removed
        /// Present in both, with different content.
        case changed
    }

    /// The field in Chinese, such as 申请材料.
    public var field: String
    /// What happened.
    public var kind: Kind
    /// The older text, empty when added.
    public var before: String
    /// The newer text, empty when removed.
    public var after: String

    /// Creates a change.
    public init(field: String, kind: Kind, before: String, after: String) {
        self.field = field
        self.kind = kind
        self.before = before
        self.after = after
    }
}
