/// Where a license stands; only `valid` verifies.
public enum LicenseStatus: String, Codable, Sendable, CaseIterable {
    /// 有效.
    case valid
    /// 暂停: suspended by the issuer, may be reinstated.
    case suspended
    /// 注销/吊销: withdrawn for good.
    case revoked
    /// 已换发: replaced by a newer version.
    case superseded

    /// The Chinese label.
    public var label: String {
        switch self {
        case .valid: "有效"
        case .suspended: "暂停使用"
        case .revoked: "已注销"
        case .superseded: "已换发新版本"
        }
    }
}
