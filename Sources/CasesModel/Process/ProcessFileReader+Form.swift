extension ProcessFileReader {
    /// The form schema under `form`; the fields that could be read, problems reported.
    mutating func form(_ value: ProcessJSON?, at path: String) -> FormSchema {
        guard let value else {
            report(path, "缺少此项")
            return FormSchema(fields: [])
        }
        guard let object = object(value, at: path, keys: ["fields"]) else { return FormSchema(fields: []) }
        var fields: [FormField] = []
        var seen: [String: String] = [:]
        for (value, path) in array(object, "fields", required: true) {
            guard let field = field(value, at: path) else { continue }
            if let earlier = seen[field.key] {
                report("\(path).key", "字段标识“\(field.key)”与 \(earlier) 重复")
                continue
            }
            seen[field.key] = "\(path).key"
            fields.append(field)
        }
        return FormSchema(fields: fields)
    }

    /// One field, nil when its key, label or type cannot be read.
    private mutating func field(_ value: ProcessJSON, at path: String) -> FormField? {
        let keys = ["key", "label", "type", "required", "options", "maxLength", "minimum", "maximum", "hint"]
        guard let object = object(value, at: path, keys: keys) else { return nil }
        let key = identifier(object, "key")
        let label = filledString(object, "label")
        let type = fieldType(object)
        let required = bool(object, "required", default: true)
        let options = strings(object, "options")
        let maxLength = integer(object, "maxLength", required: false)
        let minimum = number(object, "minimum")
        let maximum = number(object, "maximum")
        let hint = string(object, "hint", default: "")
        if let maxLength, maxLength < 1 {
            report(object.path("maxLength"), "最大长度应至少为1")
        }
        if let type {
            check(options: options, of: type, in: object)
            if type != .number, minimum != nil || maximum != nil {
                report(object.path(minimum != nil ? "minimum" : "maximum"), "只有数字字段（number）才能设最小值和最大值")
            }
        }
        if let minimum, let maximum, minimum > maximum {
            report(object.path("minimum"), "最小值 \(minimum) 大于最大值 \(maximum)")
        }
        guard let key, let label, let type, let required, let hint else { return nil }
        return FormField(
            key: key, label: label, type: type, required: required, options: options.map(\.0),
            maxLength: maxLength, minimum: minimum, maximum: maximum, hint: hint)
    }

    /// The field's type, `text` when omitted.
    private mutating func fieldType(_ object: ProcessObject) -> FieldType? {
        guard let name = string(object, "type", default: FieldType.text.rawValue) else { return nil }
        guard let type = FieldType(rawValue: name) else {
            let known = FieldType.allCases.map(\.rawValue).joined(separator: "、")
            report(object.path("type"), "未知的字段类型“\(name)”；可用：\(known)")
            return nil
        }
        return type
    }

    /// A choice field needs options, distinct and filled in; other fields take none.
    private mutating func check(options: [(String, String)], of type: FieldType, in object: ProcessObject) {
        guard type == .choice else {
            if !options.isEmpty { report(object.path("options"), "只有选择字段（choice）才能有选项") }
            return
        }
        if options.isEmpty {
            report(object.path("options"), "选择字段（choice）至少需要一个选项")
        }
        var seen: Set<String> = []
        for (option, path) in options {
            if option.allSatisfy(\.isWhitespace) {
                report(path, "选项不能为空")
            } else if !seen.insert(option).inserted {
                report(path, "选项“\(option)”重复")
            }
        }
    }
}
