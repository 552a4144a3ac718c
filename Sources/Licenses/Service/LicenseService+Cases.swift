import Cases
import CasesModel
import Foundation
import Kernel
import SQLKit
public import Storage

extension LicenseService {
    /// The subscriber that issues a license when a case of a mapped item concludes approved.
    ///
    /// A case whose data cannot make a valid license (a field missing or malformed) is not retried
    /// forever: it is kept in `lic_pending` with the reason, for the issuing staff to complete by hand.
    public func issueOnConclusion() -> EventSubscriber {
        EventSubscriber(name: "licenses.issue-on-conclusion", eventTypes: ["cases.case-concluded"]) { event, tx in
            let payload = try JSONDecoder().decode(CaseEventPayload.self, from: Data(event.payload.utf8))
            guard payload.outcome == .approved, let type = catalogue.type(issuedBy: payload.itemCode),
                let mapping = type.fromCases
            else { return }
            let source = try await cases.issuanceSource(payload.caseID, in: tx)
            do {
                let fields = try LicenseFieldRules.checked(
                    Self.mapped(mapping, source: source, payload: payload, clock: clock), type: type, clock: clock)
                let issuer = try await issuer(of: type, sql: tx.sql)
                _ = try await insert(
                    type: type, fields: fields, issuer: issuer, issuedOn: CalendarDay.today(clock),
                    origin: .init(
                        action: "issued-from-case", actor: .system, caseID: payload.caseID,
                        applicantAccount: payload.applicantAccount), in: tx)
            } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
                try await tx.sql.raw(
                    """
                    INSERT INTO lic_pending (case_id, case_number, type_key, department_id, reason, created_at)
                    VALUES (\(bind: payload.caseID), \(bind: payload.number), \(bind: type.key),
                        \(bind: payload.departmentID), \(bind: error.detail), \(bind: clock.now()))
                    """
                ).run()
            }
        }
    }

    /// The license field values a mapping takes from a concluded case.
    static func mapped(
        _ mapping: CaseLicenseMapping, source: CaseIssuanceSource, payload: CaseEventPayload, clock: any Clock
    ) -> [String: String] {
        var values: [String: String] = [:]
        for (field, path) in mapping.fields {
            let value: String? =
                if path.hasPrefix("form.") {
                    source.form[String(path.dropFirst(5))]
                } else if path.hasPrefix("result.") {
                    payload.result?[String(path.dropFirst(7))]
                } else if path.hasPrefix("const:") {
                    String(path.dropFirst(6))
                } else {
                    switch path {
                    case "applicant.name": source.applicant.name
                    case "applicant.idNumber": source.applicant.idNumber
                    case "case.number": payload.number
                    case "case.concludedOn": CalendarDay.today(clock).description
                    default: nil
                    }
                }
            values[field] = value
        }
        return values
    }
}
