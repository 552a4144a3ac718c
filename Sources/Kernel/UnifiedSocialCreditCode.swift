/// A checked unified social credit code (统一社会信用代码, GB 32100): 18 characters.
///
/// Layout: registering authority (1) · organisation type (1) · division of the registering
/// office (6) · subject identifier (9, the old 组织机构代码) · check character (MOD 31).
/// Lower-case letters are accepted and stored upper-case.
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    /// The 18 characters, upper-case.
    public let rawValue: String
    /// Who registered the organisation.
    public let authority: RegistrationAuthority
    /// The organisation type code, meaningful together with `authority`.
    public let organizationType: Character
    /// The division of the registering office; 100000 for national-level registration.
    public let division: DivisionCode
    /// The nine-character subject identifier (主体标识码).
    public let subjectIdentifier: String

    /// The 31 characters a code may use: digits and capitals without I, O, Z, S, V.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    /// The division code used by organisations registered at national level.
    static let nationalDivision = "100000"

    /// Checks `text` against GB 32100; throws `DomainError(.invalid)` naming the faulty part.
    ///
    /// The division part is checked only as far as its province, because registering offices
    /// use codes newer than any bundled table and a sound check character already catches typos.
    public init(_ text: String, divisions: DivisionTable) throws(DomainError) {
        // Only ASCII letters are folded; folding others could turn one character into two.
        let bytes = text.utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }
        guard text.count == 18 else {
            throw Self.invalid("length", "统一社会信用代码应为18位，收到的是\(text.count)位。")
        }
        let values = bytes.map { byte in Self.alphabet.firstIndex(of: byte) }
        if let bad = values.firstIndex(where: { $0 == nil }) {
            throw Self.invalid(
                "character", "统一社会信用代码第\(bad + 1)位不是允许的字符（数字或除 I、O、Z、S、V 外的大写字母）。")
        }
        try self.init(checked: bytes, values: values.compactMap { $0 }, divisions: divisions)
    }

    /// Checks `text` against the bundled division table.
    public init(_ text: String) throws(DomainError) {
        try self.init(text, divisions: DivisionTable.standard())
    }

    private init(checked bytes: [UInt8], values: [Int], divisions: DivisionTable) throws(DomainError) {
        let text = String(decoding: bytes, as: UTF8.self)
        let characters = Array(text)
        guard let authority = RegistrationAuthority(rawValue: String(characters[0])) else {
            throw Self.invalid("authority", "统一社会信用代码第1位登记管理部门代码“\(characters[0])”不存在。")
        }
        guard authority.organizationTypes[characters[1]] != nil else {
            throw Self.invalid(
                "type", "统一社会信用代码第2位机构类别代码“\(characters[1])”不属于登记管理部门“\(authority.name)”。")
        }
        let divisionText = String(characters[2..<8])
        guard let code = try? DivisionCode(divisionText),
            divisionText == Self.nationalDivision || divisions.contains(code.provinceCode)
        else {
            throw Self.invalid("division", "统一社会信用代码第3至8位登记管理机关行政区划码“\(divisionText)”无效。")
        }
        guard values[17] == Self.checkValue(values[0..<17]) else {
            throw Self.invalid("check-character", "统一社会信用代码第18位校验码不正确，请核对代码是否抄错。")
        }
        rawValue = text
        self.authority = authority
        organizationType = characters[1]
        division = code
        subjectIdentifier = String(characters[8..<17])
    }

    /// The name of the organisation type, such as 企业.
    public var organizationTypeName: String { authority.organizationTypes[organizationType] ?? "" }

    /// The code itself.
    public var description: String { rawValue }

    /// The check character that completes the 17 characters `body`; nil when one is outside the alphabet.
    public static func checkCharacter(for body: String) -> Character? {
        let values = body.utf8.map { alphabet.firstIndex(of: $0) }
        guard values.count == 17, values.allSatisfy({ $0 != nil }) else { return nil }
        return Character(UnicodeScalar(alphabet[checkValue(values.compactMap { $0 }[...])]))
    }

    /// The MOD 31 check value of the first 17 character values.
    static func checkValue(_ values: ArraySlice<Int>) -> Int {
        // Weight of position i (from the left, from 0) is 3^i mod 31.
        var sum = 0
        var weight = 1
        for value in values {
            sum += value * weight
            weight = weight * 3 % 31
        }
        return (31 - sum % 31) % 31
    }

    private static func invalid(_ part: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "credit-code.invalid-\(part)", title: "统一社会信用代码无效", detail: detail)
    }
}
