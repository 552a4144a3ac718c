/// What the applicant receives (办理结果).
public struct ItemResult: Codable, Sendable, Hashable {
    /// The kind of result.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 证照: a license or certificate.
        case license
        /// 批文: an approval document.
        case approval
        /// 其他: a record, a payment, a confirmation.
        case other

        /// The Chinese name.
        public var label: String {
            switch self {
            case .license: "证照"
            case .approval: "批文"
            case .other: "其他"
            }
        }
    }

    /// The kind.
    public var kind: Kind
    /// Its name, such as 营业执照.
    public var name: String
    /// How a sample looks (结果样本): a description or the path of a sample file.
    public var sample: String

    /// Creates a result.
    public init(kind: Kind, name: String, sample: String = "") {
        self.kind = kind
        self.name = name
        self.sample = sample
    }
}
