/// The kind of value a form field takes, which decides its input control and its validation.
public enum FieldType: String, Codable, Sendable, CaseIterable {
    /// One line of text.
    case text
    /// Several lines of text.
    case multiline
    /// A decimal number.
    case number
    /// A calendar date, `yyyy-MM-dd`.
    case date
    /// One of the field's options.
    case choice
    /// A 居民身份证号码 (GB 11643).
    case idNumber
    /// A mainland mobile number.
    case phone
    /// A 统一社会信用代码 (GB 32100).
    case creditCode
    /// Yes or no (`true` / `false`).
    case flag
}
