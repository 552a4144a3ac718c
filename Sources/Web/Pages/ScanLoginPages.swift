/// The view model of the computer's 扫码登录 page: the QR code and what to do with it.
struct ScanLoginPage {
    var layout: Layout
    /// The QR code as inline SVG.
    var qr: String
    /// The address inside it, for people who cannot scan.
    var link: String
}

/// The view model of the phone's confirmation page.
struct ScanConfirmPage {
    var layout: Layout
    var code: String
    var address: String
    var device: String
    var at: String
    var open: Bool
}

/// The view model of the phone's page after answering.
struct ScanAnsweredPage {
    var layout: Layout
    var confirmed: Bool
}
