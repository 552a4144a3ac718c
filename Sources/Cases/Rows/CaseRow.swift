import CasesModel
import CatalogModel
import Foundation
import Kernel
import SQLKit
import Storage

/// Reads and writes `case_cases` rows.
enum CaseRow {
    static let columns = """
        id, number, parent_id, bundle_code, item_id, item_code, item_version, item_name, department_id,
        process_id, process_revision, applicant_account, applicant_kind, applicant_name_masked,
        applicant_id_masked, situations, state, outcome, origin_channel, last_channel, legal_days,
        legal_unit, promised_days, promised_unit, deadline_day, created_at, submitted_at, accepted_at,
        concluded_at, revision, division_code
        """

    static func decode(_ row: any SQLRow) throws -> CaseRecord {
        let legalDays = try row.decode(column: "legal_days", as: Int?.self)
        let legalUnit = try row.decode(column: "legal_unit", as: String?.self)
        return CaseRecord(
            id: try row.decode(column: "id", as: UUID.self),
            number: try row.decode(column: "number", as: String?.self),
            parentID: try row.decode(column: "parent_id", as: UUID?.self),
            bundleCode: try row.decode(column: "bundle_code", as: String?.self),
            itemID: try row.decode(column: "item_id", as: UUID.self),
            itemCode: try row.decode(column: "item_code", as: String.self),
            itemVersion: try row.decode(column: "item_version", as: Int.self),
            itemName: try row.decode(column: "item_name", as: String.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            divisionCode: try row.decode(column: "division_code", as: String.self),
            processID: try row.decode(column: "process_id", as: String.self),
            processRevision: try row.decode(column: "process_revision", as: Int.self),
            applicantAccount: try row.decode(column: "applicant_account", as: UUID?.self),
            applicantKind: CaseApplicant.Kind(rawValue: try row.decode(column: "applicant_kind", as: String.self))
                ?? .person,
            applicantNameMasked: try row.decode(column: "applicant_name_masked", as: String.self),
            applicantIDMasked: try row.decode(column: "applicant_id_masked", as: String.self),
            situations: try JSONDecoder().decode(
                [String].self, from: Data(try row.decode(column: "situations", as: String.self).utf8)),
            state: try enumValue(CaseState.self, row, "state"),
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(CaseOutcome.init(rawValue:)),
            originChannel: try enumValue(CaseChannel.self, row, "origin_channel"),
            lastChannel: try enumValue(CaseChannel.self, row, "last_channel"),
            legalLimit: legalDays.map {
                TimeLimit(days: $0, unit: TimeLimit.Unit(rawValue: legalUnit ?? "") ?? .workingDays)
            },
            promisedLimit: TimeLimit(
                days: try row.decode(column: "promised_days", as: Int.self),
                unit: TimeLimit.Unit(rawValue: try row.decode(column: "promised_unit", as: String.self)) ?? .workingDays
            ),
            deadline: try row.decode(column: "deadline_day", as: Int?.self).map(CalendarDay.init(dayNumber:)),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            submittedAt: try row.decode(column: "submitted_at", as: Date?.self),
            acceptedAt: try row.decode(column: "accepted_at", as: Date?.self),
            concludedAt: try row.decode(column: "concluded_at", as: Date?.self),
            revision: try row.decode(column: "revision", as: Int.self))
    }

    private static func enumValue<E: RawRepresentable>(_ type: E.Type, _ row: any SQLRow, _ column: String) throws -> E
    where E.RawValue == String {
        let raw = try row.decode(column: column, as: String.self)
        guard let value = E(rawValue: raw) else {
            throw DomainError(.invalid, code: "cases.corrupt-row", title: "数据有误", detail: "\(column) 的值 \(raw) 无法识别。")
        }
        return value
    }

    /// The case with `id`, read on `sql`; on PostgreSQL inside a transaction the row is locked, so
    /// two commands on one case run one after the other (SQLite has one writer anyway).
    static func load(_ id: UUID, tx: Transaction) async throws -> CaseRecord? {
        try await tx.sql.raw(
            "SELECT \(unsafeRaw: columns) FROM case_cases WHERE id = \(bind: id)\(unsafeRaw: tx.forUpdate)"
        )
        .first().map(decode)
    }

    static func load(_ id: UUID, sql: any SQLDatabase) async throws -> CaseRecord? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM case_cases WHERE id = \(bind: id)").first().map(decode)
    }

    /// Who created the case (the audit id of the applicant or the window clerk); the window
    /// keeps the cases it filed.
    static func creator(of id: UUID, sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT created_by FROM case_cases WHERE id = \(bind: id)").first()?
            .decode(column: "created_by", as: String.self)
    }
}
