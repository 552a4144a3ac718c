/// The fields of an item's application form; the item's situations (情形) are asked as well, by
/// the page, from the guide.
public struct FormSchema: Codable, Sendable, Hashable {
    /// The fields, in order.
    public var fields: [FormField]

    /// Creates a schema.
    public init(fields: [FormField]) {
        self.fields = fields
    }

    /// The field with `key`.
    public func field(_ key: String) -> FormField? {
        fields.first { $0.key == key }
    }
}
