import Foundation
import Kernel

/// Checks the field values of a license against its type before anything is signed.
enum LicenseFieldRules {
    /// The values trimmed and checked; every problem is reported at once in one error.
    static func checked(_ values: [String: String], type: LicenseType, clock: any Clock) throws(DomainError)
        -> [String: String]
    {
        var problems: [String] = []
        var clean: [String: String] = [:]
        for key in values.keys.sorted() where type.field(key) == nil {
            problems.append("“\(key)”不是\(type.name)的字段")
        }
        for field in type.fields {
            let value = (values[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty {
                if field.required { problems.append("\(field.label)不能为空") }
                continue
            }
            if let problem = problem(value, field: field, clock: clock) {
                problems.append("\(field.label)\(problem)")
                continue
            }
            clean[field.key] = field.kind == .idNumber || field.kind == .creditCode ? value.uppercased() : value
        }
        guard problems.isEmpty else {
            throw DomainError(
                .invalid, code: "licenses.fields-invalid", title: "证照信息有误",
                detail: problems.joined(separator: "；") + "。")
        }
        return clean
    }

    private static func problem(_ value: String, field: LicenseField, clock: any Clock) -> String? {
        switch field.kind {
        case .text: return value.count > 500 ? "不能超过500字" : nil
        case .personName: return value.count > 50 ? "不能超过50字" : nil
        case .number: return Double(value) == nil ? "应为数字" : nil
        case .date: return (try? CalendarDay(parsing: value)) == nil ? "应为日期（如 2026-01-31）" : nil
        case .idNumber: return (try? ResidentIDNumber(value, clock: clock)) == nil ? "不是有效的身份证号" : nil
        case .creditCode: return (try? UnifiedSocialCreditCode(value)) == nil ? "不是有效的统一社会信用代码" : nil
        }
    }
}
