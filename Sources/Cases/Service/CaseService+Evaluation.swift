public import CasesModel
public import Foundation
public import Storage

extension CaseService {
    /// The case and its applicant in clear, read on an evaluation transaction, for opening a
    /// rating (the subscriber acts for the platform) and sealing the bad reviewer's contact.
    public func ratingSource(_ caseID: UUID, in tx: Transaction) async throws -> (CaseRecord, CaseApplicant) {
        guard let record = try await CaseRow.load(caseID, sql: tx.sql) else { throw Self.notFound() }
        return (record, try await openApplicant(caseID, sql: tx.sql))
    }
}
