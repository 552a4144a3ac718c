/// How strongly an account's identity is proven (实名等级), an ordered scale.
public enum RealNameLevel: Int, Sendable, Codable, Comparable, CaseIterable {
    /// L1: self-declared name and ID number.
    case selfDeclared = 1
    /// L2: name and ID number matched against the population registry.
    case registryMatched = 2
    /// L3: L2 plus face verification against a trusted source.
    case faceVerified = 3
    /// L4: verified in person at a counter or by digital certificate.
    case inPerson = 4

    /// Orders by strength.
    public static func < (lhs: RealNameLevel, rhs: RealNameLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The Chinese label shown to people.
    public var label: String {
        switch self {
        case .selfDeclared: "L1 自主声明"
        case .registryMatched: "L2 人口库比对"
        case .faceVerified: "L3 人脸核验"
        case .inPerson: "L4 现场或数字证书核验"
        }
    }
}
