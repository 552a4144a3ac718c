/// Where a version stands: draft → published → retired.
public enum VersionStatus: String, Codable, Sendable, CaseIterable {
    /// Being edited by the department; not public.
    case draft
    /// Published; in force from its effective date until its successor's.
    case published
    /// Replaced by a later version or withdrawn; kept for history.
    case retired

    /// The Chinese name.
    public var label: String {
        switch self {
        case .draft: "草稿"
        case .published: "已发布"
        case .retired: "已废止"
        }
    }
}
