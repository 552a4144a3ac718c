import Licenses

/// One input of a form generated from a license type's fields: issuing by hand, renewing.
struct LicenseFormInput {
    var name: String
    var label: String
    var inputType: String
    var inputMode: String?
    var maxLength: Int
    var required: Bool
    /// Long free text (an address, a business scope) gets a text area.
    var isLong: Bool
    var value: String
    var hint: String?

    /// The input for `field`, holding `value`.
    init(_ field: LicenseField, value: String, requiredHere: Bool? = nil) {
        name = "field." + field.key
        label = field.label
        self.value = value
        required = requiredHere ?? field.required
        isLong = field.kind == .text && !field.inCode
        switch field.kind {
        case .date:
            inputType = "date"
            maxLength = 10
            hint = "格式：2026-01-31"
        case .number:
            inputType = "text"
            inputMode = "decimal"
            maxLength = 20
        case .idNumber:
            inputType = "text"
            maxLength = 18
            hint = "18位居民身份证号码"
        case .creditCode:
            inputType = "text"
            maxLength = 18
            hint = "18位统一社会信用代码"
        case .personName:
            inputType = "text"
            maxLength = 50
        case .text:
            inputType = "text"
            maxLength = 500
        }
    }

    /// The inputs of `type`, holding `values`.
    static func inputs(_ type: LicenseType, values: [String: String]) -> [LicenseFormInput] {
        type.fields.map { LicenseFormInput($0, value: values[$0.key] ?? "") }
    }

    /// The field values a posted form holds, by key, from its `field.<key>` entries.
    static func values(_ pairs: [(String, String)]) -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in pairs where name.hasPrefix("field.") {
            values[String(name.dropFirst(6))] = value
        }
        return values
    }
}
