import Foundation
import Kernel
import Licenses

/// The view model of one license in the holder's wallet, and of its printable view: the certificate,
/// the share form (or the link just made), and who has used the license (谁用了我的证照).
///
/// The wallet is the holder's own, so the certificate shows personal values in full here; every
/// page a stranger may see (the verifier, a shared link) shows the code's masked claims instead.
struct LicenseHolderPage {
    /// A share link just made: shown once, as text and as a QR code to scan with a phone.
    struct Share {
        var url: String
        var expiresAt: String
        var qr: String?
    }

    /// One use of the license in a case.
    struct Use {
        var department: String
        var caseNumber: String
        var usedAt: String
    }

    /// How long a share link may last, as the form offers it.
    struct Duration {
        var minutes: Int
        var label: String
    }

    static let durations = [
        Duration(minutes: 30, label: "30分钟"), Duration(minutes: 1440, label: "1天"),
        Duration(minutes: 10_080, label: "7天"),
    ]

    var layout: Layout
    var certificate: LicenseCertificate
    var canShare: Bool
    var durations = Self.durations
    var share: Share?
    var uses: [Use] = []
    var notice: String?
    var error: DomainError?

    /// The page of `license` as it stands on `today`.
    init(layout: Layout, license: License, type: LicenseType?, today: CalendarDay, uses: [LicenseUse] = []) {
        self.layout = layout
        certificate = LicenseCertificate(license, type: type, today: today)
        canShare = certificate.isValid
        self.uses = uses.map { use in
            Use(
                department: use.departmentName, caseNumber: use.caseNumber.map { CasePageFormat.grouped($0) } ?? "—",
                usedAt: CasePageFormat.time(use.usedAt))
        }
    }
}
