/// The level of government that exercises an item (行使层级), one digit in the implementation code.
public enum ExerciseLevel: Int, Codable, Sendable, CaseIterable {
    /// 国家级.
    case national = 1
    /// 省级.
    case province = 2
    /// 市级.
    case city = 3
    /// 县级.
    case county = 4
    /// 乡镇（街道）级.
    case township = 5
    /// 村（社区）级.
    case village = 6

    /// The Chinese name.
    public var label: String {
        switch self {
        case .national: "国家级"
        case .province: "省级"
        case .city: "市级"
        case .county: "县级"
        case .township: "乡镇（街道）级"
        case .village: "村（社区）级"
        }
    }
}
