public import CasesModel
public import Foundation
import SQLKit
public import Storage

/// What a concluded case offers the domains that issue its results: the applicant and the form.
public struct CaseIssuanceSource: Sendable {
    /// The applicant in clear.
    public var applicant: CaseApplicant
    /// The application form in clear.
    public var form: FormData
}

extension CaseService {
    /// The applicant and form of a concluded case, read on an event subscriber's transaction.
    ///
    /// Only concluded cases answer: a subscriber to `cases.case-concluded` is the one caller, acting
    /// for the platform; the reader seals the data again under its own context.
    public func issuanceSource(_ caseID: UUID, in tx: Transaction) async throws -> CaseIssuanceSource {
        guard let record = try await CaseRow.load(caseID, sql: tx.sql), record.state == .concluded else {
            throw Self.notFound()
        }
        return CaseIssuanceSource(
            applicant: try await openApplicant(caseID, sql: tx.sql), form: try await openForm(caseID, sql: tx.sql))
    }
}
