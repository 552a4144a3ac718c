import Evaluation
import Foundation
import Kernel

/// The view model of 窗口评价 after a clerk records a counter visit: the one-time code, the QR of
/// the evaluation device's page and its address, for the window's device or the citizen's phone.
struct EvaluationPageCounterCode {
    var layout: Layout
    var caseID: String
    var caseNumber: String?
    var itemName: String
    var window: String
    var code: String
    var deviceURL: String
    var qr: String?
    var closesAt: String

    /// The page of `rating` opened with `code`; `base` is the platform's public address.
    init(layout: Layout, rating: Rating, code: String, base: String) {
        self.layout = layout
        caseID = rating.caseID.uuidString
        caseNumber = rating.caseNumber.map(CasePageFormat.grouped)
        itemName = rating.itemName
        window = rating.serviceWindow ?? ""
        self.code = code
        deviceURL = base + "/evaluation/counter/" + code
        qr = try? QRCode(text: deviceURL, level: .medium).svg(label: "窗口服务评价二维码，请用评价器或手机扫描后评价")
        closesAt = CasePageFormat.time(rating.closesAt)
    }
}
