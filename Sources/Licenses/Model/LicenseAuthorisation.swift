public import Foundation

/// The holder's permission for a case to use a license instead of a paper material (用证授权).
public struct LicenseAuthorisation: Sendable, Equatable, Codable {
    /// The authorisation.
    public var id: UUID
    /// The license.
    public var licenseID: UUID
    /// The case.
    public var caseID: UUID
    /// The material it stands for.
    public var materialCode: String
    /// When it was given.
    public var grantedAt: Date
}

/// A license the clerk sees inside a case, with the authorisation that lets them.
public struct LicenseInCase: Sendable, Equatable {
    /// The authorisation.
    public var authorisation: LicenseAuthorisation
    /// The material's name.
    public var materialName: String
    /// The license, fields in clear (the holder authorised this department to read it).
    public var license: License
}

/// A material of a case that one of the applicant's licenses can satisfy, with the candidates.
public struct AuthorisableMaterial: Sendable, Equatable {
    /// The material code.
    public var code: String
    /// Its name.
    public var name: String
    /// The applicant's valid licenses of the right type.
    public var candidates: [License]
    /// The license already authorised for it, if any.
    public var authorised: UUID?
}
