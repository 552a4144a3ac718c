import Foundation
import Kernel
import Licenses

/// The view model of 用证授权 for an applicant: the case's materials a license can stand for, each
/// with the applicant's valid licenses of the right type, and the one already authorised.
struct LicenseUsePage {
    /// A license that can be chosen.
    struct Candidate {
        var licenseID: String
        var label: String
        var checked: Bool
    }

    /// One material.
    struct Material {
        var code: String
        var name: String
        var authorised: String?
        var candidates: [Candidate]
        var hasCandidates: Bool
    }

    var layout: Layout
    var caseHref: String
    var caseID: String
    var materials: [Material]
    var notice: String?
    var error: DomainError?

    /// The page of case `caseID` with `materials`.
    init(layout: Layout, caseID: UUID, materials: [AuthorisableMaterial]) {
        self.layout = layout
        self.caseID = caseID.uuidString
        caseHref = "/me/cases/\(caseID.uuidString)"
        self.materials = materials.map { material in
            let chosen = material.candidates.first { $0.id == material.authorised }
            return Material(
                code: material.code, name: material.name,
                authorised: chosen.map { "\($0.typeName)（\($0.identifier)）" },
                candidates: material.candidates.enumerated().map { index, license in
                    Candidate(
                        licenseID: license.id.uuidString,
                        label: "\(license.typeName) · \(license.holderNameMasked) · \(license.identifier)",
                        checked: material.authorised.map { $0 == license.id } ?? (index == 0))
                }, hasCandidates: !material.candidates.isEmpty)
        }
    }
}
