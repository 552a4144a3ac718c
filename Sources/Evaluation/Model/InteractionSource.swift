/// How a message reached the platform.
public enum InteractionSource: String, Codable, Sendable, CaseIterable {
    /// Written online by the citizen.
    case online
    /// Taken on the phone (热线) and recorded by staff.
    case phone

    /// The Chinese name.
    public var label: String {
        switch self {
        case .online: "网上"
        case .phone: "电话"
        }
    }
}
