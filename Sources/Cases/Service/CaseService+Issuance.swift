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

/// A material of a case's item that an e-license of some type satisfies (免提交 by 用证授权).
public struct CaseLicenseMaterial: Sendable, Equatable {
    /// The material code in the guide, such as `M02`.
    public var code: String
    /// Its name.
    public var name: String
    /// The license type key that satisfies it, such as `business-license`.
    public var licenseType: String
}

extension CaseService {
    /// The materials of the case's item, for its chosen situations, that a license can satisfy;
    /// `actor` must be able to read the case.
    public func licenseMaterials(_ caseID: UUID, by actor: CaseActor) async throws -> (
        CaseRecord, [CaseLicenseMaterial]
    ) {
        let record = try await database.read { sql in
            guard let record = try await CaseRow.load(caseID, sql: sql), try await mayRead(record, by: actor, sql: sql)
            else { throw Self.notFound() }
            return record
        }
        let guide = try await catalog.guide(itemID: record.itemID, version: record.itemVersion)
        let materials = guide.materials(for: Set(record.situations)).compactMap { material in
            material.licenseType.map { CaseLicenseMaterial(code: material.code, name: material.name, licenseType: $0) }
        }
        return (record, materials)
    }
}
