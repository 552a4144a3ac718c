import Foundation
import Kernel
import Licenses

/// The view model of 电子证照核验: the pasted text and, after a check, the verdict with its reason
/// and what the code asserts (personal values arrive masked in the code itself).
struct LicenseVerifyPage {
    /// What a check found.
    struct Result {
        var isValid: Bool
        var verdict: String
        var reason: String
        var typeName: String?
        var identifier: String?
        var issuerName: String?
        var issuerCode: String?
        var holderName: String?
        var fields: [LicenseCertificate.Field]
        var issuedAt: String?
        var expiresAt: String?
        var algorithm: String?
        var kid: String?
        var statusChecked: Bool
    }

    /// The most of the pasted text the page echoes back; a real code is at most 4296 characters.
    static let echoLimit = 5000

    var layout: Layout
    var code: String
    var result: Result?
    /// The QR code of the checked text, drawn again only when it verified.
    var qr: String?

    /// The empty form, or the form with `code` and the outcome of checking it.
    init(layout: Layout, code: String = "", verification: LicenseVerification? = nil) {
        self.layout = layout
        self.code = String(code.prefix(Self.echoLimit))
        guard let verification else { return }
        result = Self.result(verification)
        if verification.isValid {
            qr = try? QRCode(text: code.trimmingCharacters(in: .whitespacesAndNewlines)).svg(label: "已核验的证照二维码")
        }
    }

    /// What `verification` found, for a page.
    static func result(_ verification: LicenseVerification) -> Result {
        let claims = verification.claims
        return Result(
            isValid: verification.isValid, verdict: verification.verdict.rawValue, reason: verification.reason,
            typeName: claims?.typeName, identifier: claims?.identifier.description,
            issuerName: verification.issuerName, issuerCode: claims?.issuer, holderName: claims?.holderNameMasked,
            fields: (claims?.fields ?? []).compactMap { pair in
                pair.count == 2 ? LicenseCertificate.Field(label: pair[0], value: pair[1]) : nil
            },
            issuedAt: claims.map { CasePageFormat.time($0.issuedAt) },
            expiresAt: claims.map { $0.expiresAt.map { CasePageFormat.time($0) } ?? "长期" },
            algorithm: verification.algorithm.map(Self.algorithmLabel), kid: verification.kid,
            statusChecked: verification.statusChecked)
    }

    /// The algorithm as people know it.
    static func algorithmLabel(_ alg: String) -> String {
        switch alg {
        case "SM2": "SM2（国密，SM3 摘要）"
        case "ES256": "ES256（ECDSA P-256，SHA-256）"
        default: alg
        }
    }
}
