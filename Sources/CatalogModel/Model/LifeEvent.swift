/// A moment in a person's life or an enterprise's life cycle that items are browsed by (人生事件 /
/// 企业生命周期).
public enum LifeEvent: String, Codable, Sendable, CaseIterable {
    case birth, schooling, employment, marriage, housing, household, socialInsurance, medical, travel
    case retirement, elderlyCare, death
    case startUp, operation, construction, taxation, change, closure

    /// The Chinese name shown in the service hall.
    public var label: String {
        switch self {
        case .birth: "生育收养"
        case .schooling: "入学教育"
        case .employment: "就业创业"
        case .marriage: "婚姻登记"
        case .housing: "住房保障"
        case .household: "户籍办理"
        case .socialInsurance: "社会保险"
        case .medical: "医疗卫生"
        case .travel: "交通出行"
        case .retirement: "退休养老"
        case .elderlyCare: "养老服务"
        case .death: "身后事"
        case .startUp: "企业开办"
        case .operation: "经营许可"
        case .construction: "工程建设"
        case .taxation: "纳税缴费"
        case .change: "变更登记"
        case .closure: "注销退出"
        }
    }

    /// Whose life the event belongs to.
    public var audience: Audience {
        switch self {
        case .startUp, .operation, .construction, .taxation, .change, .closure: .enterprise
        default: .person
        }
    }
}
