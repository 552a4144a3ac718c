/// How far an item can be handled online (网上办理深度), in the national list's four levels.
public enum OnlineDepth: Int, Codable, Sendable, CaseIterable, Comparable {
    /// 一级: information online, everything else in person.
    case information = 1
    /// 二级: forms downloadable and consultation online.
    case forms = 2
    /// 三级: application and pre-review online; the result is collected in person.
    case submission = 3
    /// 四级: 全程网办.
    case full = 4

    /// The Chinese name.
    public var label: String {
        switch self {
        case .information: "一级（网上咨询）"
        case .forms: "二级（表格下载）"
        case .submission: "三级（网上预审）"
        case .full: "四级（全程网办）"
        }
    }

    /// Whether an application can be submitted online (三级 and above).
    public var acceptsOnline: Bool { self >= .submission }

    /// Orders by level.
    public static func < (lhs: OnlineDepth, rhs: OnlineDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
