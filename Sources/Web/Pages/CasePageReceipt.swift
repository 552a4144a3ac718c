import CasesModel
import Foundation
import Kernel

/// The view model of the printable receipt (受理回执 / 收件凭证) given on submission.
struct CasePageReceipt {
    var layout: Layout
    var number: String
    var itemName: String
    var department: String
    var applicant: String
    var applicantID: String
    var channel: String
    var submittedAt: String?
    var materials: [String]
    var promisedLimit: String
    var legalLimit: String?
    /// Where the page links back to.
    var back: String
    /// The last digits the progress query asks for.
    var progressHint: String

    /// The receipt of `detail`, whose department is `department`.
    init(layout: Layout, detail: CaseDetail, department: String, back: String) {
        let record = detail.record
        self.layout = layout
        number = CasePageFormat.grouped(record.number)
        itemName = record.itemName
        self.department = department
        applicant = record.applicantNameMasked
        applicantID = record.applicantIDMasked
        channel = record.originChannel.label
        submittedAt = CasePageFormat.time(record.submittedAt)
        materials = detail.materials.map { $0.name + ($0.onPaper ? "（纸质）" : "（电子）") }
        promisedLimit = record.promisedLimit.label
        legalLimit = record.legalLimit?.label
        self.back = back
        progressHint = "凭办件编号和申请人证件号码后4至6位，可在本网站“办件进度查询”（/cases/progress）或拨打12345查询办理进度。"
    }
}
