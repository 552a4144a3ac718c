/// Sex as recorded in a 身份证号 (odd sequence digit: male, even: female).
public enum Sex: String, Sendable, Hashable, Codable {
    /// 男.
    case male
    /// 女.
    case female
}
