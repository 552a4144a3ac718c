import Foundation
public import Identity
import Kernel
import Storage
import SwiftCSV

extension LicenseService {
    /// The most rows one import takes; larger archives are split by the operator.
    public static let importRowLimit = 5_000

    /// Imports legacy licenses of one type from CSV (RFC 4180; header = field keys, optionally
    /// `issuedOn`). Valid rows are issued, signed, in one transaction; invalid rows are listed with
    /// the reason and nothing of them is stored. Needs `licenses.issue` for the type's department.
    public func importLegacy(typeKey: String, csv text: String, by staff: StaffActor) async throws
        -> LicenseImportReport
    {
        guard let type = catalogue.type(typeKey) else {
            throw Self.invalid("unknown-type", "没有“\(typeKey)”这种证照类型。")
        }
        let table: CSV<Enumerated>
        do {
            table = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw Self.invalid("import-csv", "文件不是有效的 CSV（逗号分隔，UTF-8 编码）。")
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        let known = Set(type.fields.map(\.key) + ["issuedOn"])
        let unknown = header.filter { !known.contains($0) }
        guard unknown.isEmpty, header.contains(type.holderIDField) else {
            throw Self.invalid(
                "import-header",
                "表头应为\(type.name)的字段名（\(type.fields.map(\.key).joined(separator: ","))，可加 issuedOn）"
                    + (unknown.isEmpty ? "，且须含 \(type.holderIDField)。" : "；不认识：\(unknown.joined(separator: ","))。"))
        }
        guard table.rows.count <= Self.importRowLimit else {
            throw Self.invalid("import-size", "一次最多导入 \(Self.importRowLimit) 行，请拆分文件。")
        }
        var accepted: [(fields: [String: String], issuedOn: CalendarDay?)] = []
        var rejected: [LicenseImportReport.Rejection] = []
        for (index, cells) in table.rows.enumerated() {
            guard cells.count == header.count else {
                rejected.append(.init(row: index + 1, reason: "列数为 \(cells.count)，表头为 \(header.count) 列。"))
                continue
            }
            var values = Dictionary(zip(header, cells), uniquingKeysWith: { first, _ in first })
            let issuedText = values.removeValue(forKey: "issuedOn").flatMap { $0.isEmpty ? nil : $0 }
            do {
                let fields = try LicenseFieldRules.checked(values, type: type, clock: clock)
                let issuedOn = try issuedText.map { text throws(DomainError) in try CalendarDay(parsing: text) }
                accepted.append((fields, issuedOn))
            } catch {
                rejected.append(.init(row: index + 1, reason: error.detail))
            }
        }
        let rows = accepted
        let imported = try await database.transaction { tx in
            let issuer = try await issuer(of: type, sql: tx.sql)
            try await organisation.authorize(staff, .licensesIssue, department: issuer.departmentID, sql: tx.sql)
            var identifiers: [String] = []
            for row in rows {
                let license = try await insert(
                    type: type, fields: row.fields, issuer: issuer, issuedOn: row.issuedOn ?? CalendarDay.today(clock),
                    origin: .init(action: "imported", actor: staff.auditActor), in: tx)
                identifiers.append(license.identifier.description)
            }
            return identifiers
        }
        return LicenseImportReport(imported: imported, rejected: rejected)
    }
}
