/// The registering authority of a 统一社会信用代码 (its first character, GB 32100).
public enum RegistrationAuthority: String, Sendable, Hashable, CaseIterable {
    /// 机构编制.
    case establishment = "1"
    /// 外交.
    case foreignAffairs = "2"
    /// 司法行政.
    case justice = "3"
    /// 文化.
    case culture = "4"
    /// 民政.
    case civilAffairs = "5"
    /// 旅游.
    case tourism = "6"
    /// 宗教.
    case religion = "7"
    /// 工会.
    case tradeUnion = "8"
    /// 工商 (now 市场监管).
    case marketRegulation = "9"
    /// 中央军委改革和编制办公室.
    case militaryEstablishment = "A"
    /// 农业.
    case agriculture = "N"
    /// 其他.
    case other = "Y"

    /// The Chinese name of the authority.
    public var name: String {
        switch self {
        case .establishment: "机构编制"
        case .foreignAffairs: "外交"
        case .justice: "司法行政"
        case .culture: "文化"
        case .civilAffairs: "民政"
        case .tourism: "旅游"
        case .religion: "宗教"
        case .tradeUnion: "工会"
        case .marketRegulation: "市场监管（工商）"
        case .militaryEstablishment: "中央军委改革和编制办公室"
        case .agriculture: "农业"
        case .other: "其他"
        }
    }

    /// The organisation type codes (second character) this authority assigns, with their names.
    public var organizationTypes: [Character: String] {
        switch self {
        case .establishment: ["1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"]
        case .foreignAffairs: ["1": "外国常驻新闻机构", "9": "其他"]
        case .justice: ["1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构", "5": "仲裁委员会", "9": "其他"]
        case .culture: ["1": "外国在华文化中心", "9": "其他"]
        case .civilAffairs: ["1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"]
        case .tourism: ["1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他"]
        case .religion: ["1": "宗教活动场所", "2": "宗教院校", "9": "其他"]
        case .tradeUnion: ["1": "基层工会", "9": "其他"]
        case .marketRegulation: ["1": "企业", "2": "个体工商户", "3": "农民专业合作社"]
        case .militaryEstablishment: ["1": "军队事业单位", "9": "其他"]
        case .agriculture: ["1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"]
        case .other: ["1": "其他"]
        }
    }
}
