/// Reads the values of a process file, collecting every problem with its path instead of stopping at
/// the first, so that an author fixes the whole file in one round.
struct ProcessFileReader {
    /// What is wrong so far, in the order found.
    private(set) var problems: [ProcessProblem] = []

    /// Notes one problem.
    mutating func report(_ path: String, _ message: String) {
        problems.append(ProcessProblem(path: path, message: message))
    }

    /// The value as an object whose keys are all among `keys`; a stray key is reported, since it is
    /// most often a misspelt optional key that would otherwise be silently ignored.
    mutating func object(_ value: ProcessJSON, at path: String, keys: [String]) -> ProcessObject? {
        guard case .object(let members) = value else {
            report(path, "应为对象（{…}），实际是\(value.kindName)")
            return nil
        }
        for key in members.keys.sorted() where !keys.contains(key) {
            report("\(path).\(key)", "未知的键；此处可用的键：\(keys.joined(separator: "、"))")
        }
        return ProcessObject(members: members, path: path)
    }

    /// A text member; `fallback` when omitted, or a problem when there is no fallback.
    mutating func string(_ object: ProcessObject, _ key: String, default fallback: String? = nil) -> String? {
        guard let value = object[key] else {
            if fallback == nil { report(object.path(key), "缺少此项") }
            return fallback
        }
        guard case .string(let text) = value else {
            report(object.path(key), "应为字符串，实际是\(value.kindName)")
            return nil
        }
        return text
    }

    /// A text member that must be present and not blank.
    mutating func filledString(_ object: ProcessObject, _ key: String) -> String? {
        guard let text = string(object, key) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            report(object.path(key), "不能为空")
            return nil
        }
        return text
    }

    /// A yes/no member, `fallback` when omitted.
    mutating func bool(_ object: ProcessObject, _ key: String, default fallback: Bool) -> Bool? {
        guard let value = object[key] else { return fallback }
        guard case .bool(let flag) = value else {
            report(object.path(key), "应为 true 或 false，实际是\(value.kindName)")
            return nil
        }
        return flag
    }

    /// A number member, nil when omitted or wrong (the latter reported).
    mutating func number(_ object: ProcessObject, _ key: String) -> Double? {
        guard let value = object[key] else { return nil }
        guard case .number(let number) = value else {
            report(object.path(key), "应为数字，实际是\(value.kindName)")
            return nil
        }
        return number
    }

    /// A whole-number member, nil when omitted (reported if `required`) or wrong (reported).
    mutating func integer(_ object: ProcessObject, _ key: String, required: Bool) -> Int? {
        guard object[key] != nil else {
            if required { report(object.path(key), "缺少此项") }
            return nil
        }
        guard let number = number(object, key) else { return nil }
        return integer(number, at: object.path(key))
    }

    /// A JSON number as a whole number of a sane size.
    mutating func integer(_ number: Double, at path: String) -> Int? {
        guard number.rounded() == number, abs(number) <= 1_000_000_000 else {
            report(path, "应为整数，实际是 \(number)")
            return nil
        }
        return Int(number)
    }

    /// The elements of an array member with their paths; empty when omitted unless `required`.
    mutating func array(_ object: ProcessObject, _ key: String, required: Bool = false) -> [(ProcessJSON, String)] {
        guard let value = object[key] else {
            if required { report(object.path(key), "缺少此项") }
            return []
        }
        guard case .array(let elements) = value else {
            report(object.path(key), "应为数组（[…]），实际是\(value.kindName)")
            return []
        }
        return elements.enumerated().map { ($0.element, "\(object.path(key))[\($0.offset)]") }
    }

    /// The elements of an array of text, each reported where it is not text.
    mutating func strings(_ object: ProcessObject, _ key: String) -> [(String, String)] {
        array(object, key).compactMap { value, path in
            guard case .string(let text) = value else {
                report(path, "应为字符串，实际是\(value.kindName)")
                return nil
            }
            return (text, path)
        }
    }

    /// Whether `text` is an identifier: an ASCII letter, then letters, digits, `-` or `_`, 40 at most.
    static func isIdentifier(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 40, first.isASCII, first.properties.isAlphabetic else {
            return false
        }
        return scalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                    || scalar == "_")
        }
    }

    /// An identifier member (`id`, `key`), reported when missing or malformed.
    mutating func identifier(_ object: ProcessObject, _ key: String) -> String? {
        guard let text = string(object, key) else { return nil }
        guard Self.isIdentifier(text) else {
            let shown = text.isEmpty ? "不能为空" : "“\(text)”不是有效的标识"
            report(object.path(key), "\(shown)：应以英文字母开头，只含英文字母、数字、- 和 _，最长40个字符")
            return nil
        }
        return text
    }
}
