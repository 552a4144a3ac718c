/// Where the service being rated was delivered: each channel has its own indicator set, and a case
/// may be rated once per channel.
public enum RatingChannel: String, Codable, Sendable, CaseIterable {
    /// Online (网上办事大厅, mobile, third-party apps).
    case online
    /// At a service window (窗口), rated on the counter's evaluation device or afterwards.
    case counter

    /// The Chinese name.
    public var label: String {
        switch self {
        case .online: "网上办理"
        case .counter: "窗口办理"
        }
    }
}
