/// One field of an application form.
public struct FormField: Codable, Sendable, Hashable {
    /// The key in the form data, such as `businessArea`; ASCII letters, digits and `-`/`_`.
    public var key: String
    /// The label shown to the applicant, such as 经营场所面积（平方米）.
    public var label: String
    /// The kind of value.
    public var type: FieldType
    /// Whether the applicant must fill it in.
    public var required: Bool
    /// The choices of a `choice` field.
    public var options: [String]
    /// The longest text accepted, in characters.
    public var maxLength: Int?
    /// The smallest number accepted.
    public var minimum: Double?
    /// The largest number accepted.
    public var maximum: Double?
    /// A hint shown under the field.
    public var hint: String

    /// Creates a field.
    public init(
        key: String, label: String, type: FieldType = .text, required: Bool = true, options: [String] = [],
        maxLength: Int? = nil, minimum: Double? = nil, maximum: Double? = nil, hint: String = ""
    ) {
        self.key = key
        self.label = label
        self.type = type
        self.required = required
        self.options = options
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.hint = hint
    }
}
