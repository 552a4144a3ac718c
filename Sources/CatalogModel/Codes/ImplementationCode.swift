public import Kernel

/// 实施编码: an item as one authority implements it, 31 characters.
///
/// The implementing authority's 统一社会信用代码 (18 characters, its check character verified),
/// the exercise level (1 digit), and the base code (12 digits).
public struct ImplementationCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 31 characters.
    public let rawValue: String
    /// The implementing authority.
    public let authority: UnifiedSocialCreditCode
    /// The level of government.
    public let level: ExerciseLevel
    /// The base item.
    public let base: BaseItemCode

    /// Parses and checks an implementation code.
    public init(_ text: String) throws(DomainError) {
        guard text.utf8.count == 31, text.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            throw CatalogCodeError.malformed("实施编码", text, "应为31位：18位统一社会信用代码、1位行使层级和12位基本编码")
        }
        let authorityText = String(text.prefix(18))
        do {
            authority = try UnifiedSocialCreditCode(authorityText)
        } catch {
            throw CatalogCodeError.malformed("实施编码", text, "前18位实施主体统一社会信用代码无效（\(error.detail)）")
        }
        let levelDigit = text[text.index(text.startIndex, offsetBy: 18)]
        guard let digit = levelDigit.wholeNumberValue, let level = ExerciseLevel(rawValue: digit) else {
            throw CatalogCodeError.malformed("实施编码", text, "第19位行使层级应为1到6")
        }
        self.level = level
        base = try BaseItemCode(String(text.suffix(12)))
        rawValue = text
    }

    /// Builds the code from its parts.
    public init(authority: UnifiedSocialCreditCode, level: ExerciseLevel, base: BaseItemCode) {
        self.authority = authority
        self.level = level
        self.base = base
        rawValue = authority.rawValue + String(level.rawValue) + base.rawValue
    }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the characters.
    public static func < (lhs: ImplementationCode, rhs: ImplementationCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
