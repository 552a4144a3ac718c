/// The tier of an administrative division.
public enum DivisionLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 省级: province, autonomous region, municipality, special administrative region.
    case province
    /// 地级: prefecture-level city, prefecture, league, autonomous prefecture.
    case city
    /// 县级: county, district, county-level city, banner.
    case county
}
