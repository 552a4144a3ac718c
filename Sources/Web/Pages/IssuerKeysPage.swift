import Foundation
import Licenses
import Storage

/// The view model of 发证机关与签名密钥: each issuer's credit code and its published keys, with rotation.
struct IssuerKeysPage {
    /// One published key.
    struct Key {
        var kid: String
        var algorithm: String
        var createdAt: String
        var state: String
    }

    /// One issuer and its keys.
    struct Issuer {
        var departmentID: String
        var name: String
        var creditCode: String
        var keys: [Key]
    }

    var layout: Layout
    var issuers: [Issuer]
    var notice: String?
    var error: String?

    /// The page of `issuers` with the `keys` each has published (retired ones included).
    init(layout: Layout, issuers: [LicenseIssuer], keys: [PublishedIssuerKey], notice: String?, error: String?) {
        self.layout = layout
        self.notice = notice
        self.error = error
        self.issuers = issuers.map { issuer in
            Issuer(
                departmentID: issuer.departmentID.uuidString, name: issuer.name, creditCode: issuer.creditCode,
                keys: keys.filter { $0.issuer == issuer.creditCode }.map { key in
                    Key(
                        kid: key.jwk.kid, algorithm: key.jwk.alg, createdAt: CasePageFormat.time(key.createdAt),
                        state: key.retiredAt.map { "已停用（\(CasePageFormat.time($0))），仍可验证此前签发的证照" } ?? "在用")
                })
        }
    }
}
