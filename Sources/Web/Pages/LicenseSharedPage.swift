import Foundation
import Licenses

/// The view model of a shared license link (证照分享): what verifying the license found now, with
/// personal values masked as the code carries them. Whoever holds the link sees this, nothing more.
struct LicenseSharedPage {
    var layout: Layout
    var result: LicenseVerifyPage.Result

    /// The page of `verification`.
    init(layout: Layout, verification: LicenseVerification) {
        self.layout = layout
        result = LicenseVerifyPage.result(verification)
    }
}
