/// Where a case was started or continued (办件渠道).
public enum CaseChannel: String, Codable, Sendable, CaseIterable {
    /// 网上办事大厅 on a computer.
    case pc
    /// The same pages on a phone (移动端).
    case mobile
    /// 一窗受理 at the counter.
    case window
    /// A third-party app, such as a WeChat or Alipay mini-program, through the API.
    case thirdParty = "third-party"

    /// The Chinese name.
    public var label: String {
        switch self {
        case .pc: "网上办事大厅"
        case .mobile: "移动端"
        case .window: "窗口"
        case .thirdParty: "第三方应用"
        }
    }
}
