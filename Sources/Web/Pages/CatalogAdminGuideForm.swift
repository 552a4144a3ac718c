import Catalog
import CatalogModel
import Foundation
import Kernel

/// The guide form of the staff pages as its submitted fields, read into an `ItemGuide` and
/// written back from one.
///
/// Repeating rows are named `material.0.code`, `material.1.code`…; checkboxes carry their value
/// in the name (`channel.online=1`), so one dictionary holds the whole form and a refused form is
/// shown again exactly as typed.
struct CatalogGuideForm {
    /// The repeating sections and the sub-fields of each row.
    static let rowFields: [String: [String]] = [
        "situation": ["code", "group", "name"],
        "material": ["code", "name", "source", "form", "copies", "licenseType", "situations", "notes"],
        "fee": ["name", "amount", "standard", "basis", "reductions"],
        "step": ["name", "description"],
        "faq": ["question", "answer"],
    ]
    /// Rows beyond this are ignored: no guide needs more, and a crafted form cannot make us loop.
    static let maximumRows = 200

    var fields: [String: String]

    init(fields: [String: String]) {
        self.fields = fields
    }

    subscript(_ name: String) -> String {
        (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func checked(_ name: String) -> Bool { fields[name] != nil && fields[name] != "0" }

    /// Sub-fields every row submits whether filled in or not (selects, preset checkboxes).
    static let presetFields: Set<String> = ["source", "form", "copies", "required", "exempt"]

    /// How many rows of `section` were filled in: the highest index with typed text, plus one.
    /// Blank rows submit their selects too, so those do not count, or each refusal would add rows.
    func rowCount(_ section: String) -> Int {
        var count = 0
        for (key, value) in fields where key.hasPrefix(section + ".") {
            let parts = key.split(separator: ".")
            guard parts.count == 3, let index = Int(parts[1]), (0..<Self.maximumRows).contains(index),
                !Self.presetFields.contains(String(parts[2])),
                !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { continue }
            count = max(count, index + 1)
        }
        return count
    }

    /// Whether row `index` of `section` was left blank.
    func isBlank(_ section: String, _ index: Int) -> Bool {
        (Self.rowFields[section] ?? []).filter { !Self.presetFields.contains($0) }
            .allSatisfy { self["\(section).\(index).\($0)"].isEmpty }
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func tags(_ text: String) -> [String] {
        text.split(whereSeparator: { "\n\r,，、;；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func refuse(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "catalog.bad-form", title: "办事指南填写有误", detail: detail)
    }

    func number(_ name: String, _ range: ClosedRange<Int>, _ detail: String) throws(DomainError) -> Int {
        guard let value = Int(self[name]), range.contains(value) else { throw Self.refuse(detail) }
        return value
    }

    func limit(_ prefix: String, _ label: String) throws(DomainError) -> TimeLimit? {
        guard !self[prefix + "Days"].isEmpty else { return nil }
        let days = try number(prefix + "Days", 0...3650, "\(label)应填写0到3650之间的整数天数。")
        return TimeLimit(days: days, unit: self[prefix + "Unit"] == "naturalDays" ? .naturalDays : .workingDays)
    }
}
