/// Where a material comes from (材料来源渠道).
public enum MaterialSource: String, Codable, Sendable, CaseIterable {
    /// 申请人自备.
    case applicant
    /// 电子证照库: satisfied by an e-license the holder authorises.
    case licenseLibrary
    /// 共享数据: fetched from another department's shared data.
    case sharedData
    /// 本部门核发或留存.
    case department

    /// The Chinese name.
    public var label: String {
        switch self {
        case .applicant: "申请人自备"
        case .licenseLibrary: "电子证照库调取"
        case .sharedData: "部门共享获取"
        case .department: "本部门核发"
        }
    }
}
