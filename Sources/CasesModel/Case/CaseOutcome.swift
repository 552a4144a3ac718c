/// How a concluded case ended.
public enum CaseOutcome: String, Codable, Sendable, CaseIterable {
    /// 准予: granted.
    case approved
    /// 不予: denied.
    case denied

    /// The Chinese name.
    public var label: String { self == .approved ? "准予许可" : "不予许可" }
}
