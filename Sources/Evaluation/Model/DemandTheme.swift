/// What a demand (诉求) asks for: the themes the re-engineering work is organised by.
public enum DemandTheme: String, Codable, Sendable, CaseIterable {
    /// 网上可办: the item cannot yet be done online.
    case notOnline = "not-online"
    /// 减材料: too many materials.
    case fewerMaterials = "fewer-materials"
    /// 减时限: it takes too long.
    case fasterHandling = "faster-handling"
    /// 减跑动: too many visits.
    case fewerVisits = "fewer-visits"
    /// 新增服务: a service that does not exist yet.
    case newService = "new-service"
    /// 其他.
    case other

    /// The Chinese name.
    public var label: String {
        switch self {
        case .notOnline: "希望网上可办"
        case .fewerMaterials: "希望减少材料"
        case .fasterHandling: "希望缩短时限"
        case .fewerVisits: "希望少跑腿"
        case .newService: "希望新增服务"
        case .other: "其他"
        }
    }
}
