public import Cases
import Foundation
public import Identity
public import Kernel
public import Signing
public import Storage

/// The e-license library: issue, sign, verify, suspend, revoke, renew, and the holder's wallet.
///
/// Every command checks the caller's permission here, on its own transaction, and is audited;
/// field values are sealed at rest and leave only masked, except to the holder and the issuer.
public struct LicenseService: Sendable {
    package let database: any Database
    package let audit: AuditLog
    package let clock: any Clock
    package let organisation: OrganisationService
    package let identity: IdentityService
    package let cases: CaseService
    package let enterprises: EnterpriseService
    package let sealer: FieldSealer
    package let keys: IssuerKeyRing
    package let catalogue: LicenseTypeCatalogue
    /// The algorithm new licenses are signed with: SM2 by default, ES256 where a verifier needs it.
    package let algorithm: SigningAlgorithm

    /// The prefix of a license QR payload.
    public static let codePrefix = "ZT1:"

    /// Creates the service.
    public init(
        database: any Database, audit: AuditLog, clock: any Clock, organisation: OrganisationService,
        identity: IdentityService, cases: CaseService, enterprises: EnterpriseService, sealer: FieldSealer,
        keys: IssuerKeyRing,
        catalogue: LicenseTypeCatalogue,
        algorithm: SigningAlgorithm = .sm2
    ) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.organisation = organisation
        self.identity = identity
        self.cases = cases
        self.enterprises = enterprises
        self.sealer = sealer
        self.keys = keys
        self.catalogue = catalogue
        self.algorithm = algorithm
    }

    /// The blind index a holder's licenses are found by: of the 身份证号 or 统一社会信用代码.
    package func holderIndex(_ holderID: String) -> String {
        sealer.blindIndex(holderID.uppercased(), context: "lic_licenses.holder")
    }

    package static func notFound() -> DomainError {
        DomainError(.notFound, code: "licenses.not-found", title: "证照不存在", detail: "没有找到这个证照，或您无权查看。")
    }

    package static func invalid(_ code: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "licenses.\(code)", title: "证照信息有误", detail: detail)
    }

    package static func conflict(_ code: String, _ detail: String) -> DomainError {
        DomainError(.conflict, code: "licenses.\(code)", title: "证照当前状态不允许此操作", detail: detail)
    }
}
