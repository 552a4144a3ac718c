import Foundation
public import Kernel

/// Checking an application form against its schema, field by field, in words for the applicant.
///
/// Each field yields at most one problem, the first rule it breaks, in this order: filled in
/// when required (blank after trimming counts as empty; an empty optional field is fine), no
/// control characters (line breaks and tabs allowed in `multiline`), at most `maxLength`
/// characters (500 by default, 2000 for `multiline`), then its type's rule. Values are checked
/// trimmed. Keys the schema does not know come last, sorted, as 未知字段.
extension FormSchema {
    /// The problems of `data` as of today in Asia/Shanghai; empty when the form is acceptable.
    public func validate(_ data: FormData) -> [FieldProblem] {
        validate(data, today: CalendarDay(Date()))
    }

    /// The problems of `data`, judging birth dates in 身份证号 against `today`.
    public func validate(_ data: FormData, today: CalendarDay) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for field in fields {
            if let message = field.problem(with: data[field.key] ?? "", today: today) {
                problems.append(FieldProblem(key: field.key, message: message))
            }
        }
        let known = Set(fields.map(\.key))
        for key in data.keys.sorted() where !known.contains(key) {
            problems.append(FieldProblem(key: key, message: "未知字段：表单中没有“\(key)”这一项，请刷新页面后重新填写。"))
        }
        return problems
    }
}

extension FormField {
    /// The default longest text of a field without `maxLength`.
    fileprivate var effectiveMaxLength: Int { maxLength ?? (type == .multiline ? 2000 : 500) }

    /// The first rule `value` breaks, as a sentence, or nil.
    fileprivate func problem(with value: String, today: CalendarDay) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return required ? "请填写\(label)" : nil }
        if containsControlCharacter(value) {
            return "\(label)含有不可见的控制字符，请删除后重新填写。"
        }
        if trimmed.count > effectiveMaxLength {
            return "\(label)最多\(effectiveMaxLength)个字，现在是\(trimmed.count)个字。"
        }
        return typeProblem(trimmed, today: today)
    }

    private func containsControlCharacter(_ value: String) -> Bool {
        let allowed: Set<Unicode.Scalar> = type == .multiline ? ["\n", "\r", "\t"] : []
        return value.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control && !allowed.contains(scalar)
        }
    }

    private func typeProblem(_ value: String, today: CalendarDay) -> String? {
        switch type {
        case .text, .multiline: return nil
        case .number: return numberProblem(value)
        case .date:
            return (try? CalendarDay(parsing: value)) == nil ? "\(label)应为有效日期，格式如 2026-02-14。" : nil
        case .choice:
            return options.contains(value) ? nil : "\(label)的“\(value)”不是可选的选项，请从\(options.joined(separator: "、"))中选择。"
        case .idNumber:
            guard let divisions = try? DivisionTable.standard() else { return "暂时无法核验\(label)，请稍后再试。" }
            do throws(DomainError) {
                _ = try ResidentIDNumber(value, today: today, divisions: divisions)
                return nil
            } catch {
                return "\(label)：\(error.detail)"
            }
        case .phone: return MobileNumber.isValid(value) ? nil : "\(label)应为11位手机号码，如 13800138000。"
        case .creditCode:
            do throws(DomainError) {
                _ = try UnifiedSocialCreditCode(value)
                return nil
            } catch {
                return "\(label)：\(error.detail)"
            }
        case .flag: return value == "true" || value == "false" ? nil : "\(label)应为“是”或“否”。"
        }
    }

    private func numberProblem(_ value: String) -> String? {
        // Strict decimal notation only: no exponents, signs other than a leading minus, or spaces.
        let bytes = Array(value.utf8)
        let body = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        let parts = body.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let isDigits: (ArraySlice<UInt8>) -> Bool = { part in
            !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        guard (1...2).contains(parts.count), parts.allSatisfy(isDigits), let number = Double(value) else {
            return "\(label)应为数字，如 12 或 12.5。"
        }
        if let minimum, number < minimum { return "\(label)不能小于\(Self.plain(minimum))。" }
        if let maximum, number > maximum { return "\(label)不能大于\(Self.plain(maximum))。" }
        return nil
    }

    /// `1.0` as 1 and `2.5` as 2.5, as people write limits.
    private static func plain(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
