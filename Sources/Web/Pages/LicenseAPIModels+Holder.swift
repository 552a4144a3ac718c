import Foundation
import Kernel
import Licenses

extension LicenseAPIModels {
    /// `POST /api/v1/me/licenses/{id}/shares`: how long the link lasts.
    struct ShareRequest: Decodable {
        var validForMinutes: Int
    }

    /// A share link just made; the token is shown this once.
    struct Share: Codable {
        var licenseID: UUID
        var token: String
        var url: String
        var expiresAt: Date
    }

    /// Who used one of the holder's licenses.
    struct UseList: Codable {
        var items: [LicenseUse]
    }

    /// A material of a case that a license can stand for, with the applicant's candidates.
    struct Authorisable: Codable {
        var code: String
        var name: String
        var candidates: [License]
        var authorised: UUID?

        init(_ material: AuthorisableMaterial, today: CalendarDay) {
            code = material.code
            name = material.name
            candidates = material.candidates.map { License($0, today: today) }
            authorised = material.authorised
        }
    }

    /// The materials of a case a license can stand for.
    struct AuthorisableList: Codable {
        var items: [Authorisable]
    }

    /// `POST /api/v1/cases/{id}/licenses`: use this license for that material.
    struct Authorise: Decodable {
        var licenseID: UUID
        var materialCode: String
    }

    /// A license the clerk reads inside a case, with the authorisation that allows it.
    struct InCase: Codable {
        var authorisation: LicenseAuthorisation
        var materialName: String
        var license: License

        init(_ found: LicenseInCase, today: CalendarDay) {
            authorisation = found.authorisation
            materialName = found.materialName
            license = License(found.license, today: today)
        }
    }

    /// The licenses authorised for a case.
    struct InCaseList: Codable {
        var items: [InCase]
    }
}
