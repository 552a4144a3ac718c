/// An e-license identifier (证照标识, GB/T 36903): root, type, issuer, serial, version, check character.
///
/// Written `1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>`, for example
/// `1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U`. The check character is
/// ISO/IEC 7064 MOD 37,36 over type, issuer, serial and version written together without dots.
public struct LicenseIdentifier: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The object identifier all Chinese e-license identifiers start with.
    public static let root = "1.2.156.3005.2"

    /// 证照类型代码: the defining authority's credit code and a sequence, e.g. `11100000000013338W011`.
    public let typeCode: String
    /// 颁发机构代码: the issuer's unified social credit code.
    public let issuerCode: String
    /// 流水号: unique per type and issuer.
    public let serial: String
    /// 版本号: 1 for the first issue; a renewal or change gets the next.
    public let version: Int
    /// The MOD 37,36 check character.
    public let checkCharacter: Character

    /// Builds an identifier and computes its check character; parts are upper-cased.
    public init(typeCode: String, issuerCode: String, serial: String, version: Int) throws(DomainError) {
        // Upper-casing only when needed: identifiers are parsed on every verification.
        let parts = [typeCode, issuerCode, serial].map { part in
            part.utf8.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } ? part.uppercased() : part
        }
        try Self.checkParts(type: parts[0], issuer: parts[1], serial: parts[2], version: version)
        guard let check = ISO7064.mod37_36(parts.joined() + Self.versionText(version)) else {
            throw Self.invalid("character", "证照标识只能包含数字和大写字母。")
        }
        self.typeCode = parts[0]
        self.issuerCode = parts[1]
        self.serial = parts[2]
        self.version = version
        self.checkCharacter = check
    }

    /// Parses the dotted text form; a wrong check character is refused and named.
    public init(_ text: String) throws(DomainError) {
        let prefix = Self.root + "."
        guard text.hasPrefix(prefix) else {
            throw Self.invalid("root", "证照标识应以根代码 \(Self.root) 开头。")
        }
        let parts = text.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5 else {
            throw Self.invalid("shape", "证照标识在根代码之后应有五段：类型代码、颁发机构代码、流水号、版本号、校验位。")
        }
        guard parts[3].count == 3, parts[3].allSatisfy(\.isASCII), let version = Int(parts[3]) else {
            throw Self.invalid("version", "证照标识的版本号应为三位数字。")
        }
        guard parts[4].count == 1, let given = parts[4].first else {
            throw Self.invalid("check", "证照标识的校验位应为一个字符。")
        }
        try self.init(
            typeCode: String(parts[0]), issuerCode: String(parts[1]), serial: String(parts[2]), version: version)
        guard String(given).uppercased() == String(checkCharacter) else {
            throw Self.invalid("check", "证照标识校验位不正确（应为 \(checkCharacter)，收到 \(given)），请核对标识是否抄错。")
        }
    }

    /// The same license at another version, with its own check character.
    public func withVersion(_ version: Int) throws(DomainError) -> LicenseIdentifier {
        try LicenseIdentifier(typeCode: typeCode, issuerCode: issuerCode, serial: serial, version: version)
    }

    /// The dotted text form.
    public var description: String {
        [Self.root, typeCode, issuerCode, serial, Self.versionText(version), String(checkCharacter)]
            .joined(separator: ".")
    }

    /// Decodes from the dotted text form.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.detail))
        }
    }

    /// Encodes as the dotted text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func versionText(_ version: Int) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    private static func checkParts(type: String, issuer: String, serial: String, version: Int) throws(DomainError) {
        func isAlphanumeric(_ text: String) -> Bool {
            !text.isEmpty && text.utf8.allSatisfy { ISO7064.value(of: $0) != nil }
        }
        // Every byte is ASCII once checked, so UTF-8 counts are character counts.
        guard isAlphanumeric(type), type.utf8.count <= 32 else {
            throw invalid("type", "证照类型代码应为1至32位数字或大写字母。")
        }
        guard isAlphanumeric(issuer), issuer.utf8.count == 18 else {
            throw invalid("issuer", "颁发机构代码应为18位统一社会信用代码。")
        }
        guard isAlphanumeric(serial), serial.utf8.count <= 40 else {
            throw invalid("serial", "证照流水号应为1至40位数字或大写字母。")
        }
        guard (1...999).contains(version) else {
            throw invalid("version", "证照版本号应在 001 至 999 之间。")
        }
    }

    private static func invalid(_ part: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "license-id.invalid-\(part)", title: "证照标识无效", detail: detail)
    }
}
