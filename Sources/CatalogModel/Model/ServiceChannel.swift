/// A way to apply (办理渠道).
public enum ServiceChannel: String, Codable, Sendable, CaseIterable {
    /// 网上办: the PC portal.
    case online
    /// 掌上办: the phone (H5 or mini-program).
    case mobile
    /// 窗口办.
    case window
    /// 自助办: a self-service kiosk.
    case kiosk
    /// 邮寄办.
    case post

    /// The Chinese name.
    public var label: String {
        switch self {
        case .online: "网上办"
        case .mobile: "掌上办"
        case .window: "窗口办"
        case .kiosk: "自助办"
        case .post: "邮寄办"
        }
    }
}
