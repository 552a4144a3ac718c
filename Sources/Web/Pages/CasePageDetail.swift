import CasesModel
import CatalogModel
import Foundation
import Kernel

/// The view model of 办件详情 for the applicant: the case, its clock and timeline, what to upload
/// (a draft's materials, the correction notice's lines, pending 容缺 materials), withdrawing, and
/// the 不予受理 notice of a rejected case.
struct CasePageDetail {
    /// A material received.
    struct Received {
        var name: String
        var file: String
        var at: String
        var href: String?
    }

    /// A material the applicant may upload now.
    struct Slot {
        var code: String
        var name: String
        var notes: String?
        var required: Bool
        var uploaded: Bool
        var problem: String?
    }

    /// The 不予受理通知书.
    struct RejectionNotice {
        var item: String
        var reason: String
        var basis: String
        var date: String
    }

    /// The promised clock as the page shows it.
    struct Clock {
        var deadline: String
        var remaining: String
        var badge: CasePageFormat.Badge
        var paused: String?
        var legalDeadline: String?
        /// Said when a deadline was counted without the holidays of its year (WorkCalendar).
        var assumed: String?
    }

    var layout: Layout
    var id: String
    var number: String
    var itemName: String
    var department: String
    var state: String
    var outcome: String?
    var applicant: String
    var channel: String
    var submittedAt: String?
    var promisedLimit: String
    var clock: Clock?
    var timeline: [CasePageFormat.Line]
    var received: [Received]
    var slots: [Slot]
    var showUploads: Bool
    var isDraft: Bool
    var isCorrection: Bool
    var hasReceipt: Bool
    var canWithdraw: Bool
    var rejection: RejectionNotice?
    var pending: [String]
    var pendingDue: String?
    var notice: String?
    var error: DomainError?
    /// The case's payment orders (缴费), when it has any.
    var payments: PaymentPageCaseSection?

    /// The legal basis a 不予受理 notice cites.
    static let rejectionBasis = "《中华人民共和国行政许可法》第三十二条"

    /// The page of `detail`, whose guide is `guide`, for the base path `base` (`/me/cases/<id>`).
    init(layout: Layout, detail: CaseDetail, guide: ItemGuide, department: String, base: String) {
        let record = detail.record
        self.layout = layout
        id = record.id.uuidString
        number = CasePageFormat.grouped(record.number)
        itemName = record.itemName
        self.department = department
        state = record.state.label
        outcome = record.outcome?.label
        applicant = record.applicantNameMasked
        channel = record.originChannel.label
        submittedAt = CasePageFormat.time(record.submittedAt)
        promisedLimit = record.promisedLimit.label
        clock = Self.clock(detail.clocks)
        timeline = detail.events.filter { $0.kind != .claimed && $0.kind != .released }
            .map { CasePageFormat.line($0, staffView: false) }
        received = detail.materials.map { material in
            Received(
                name: material.name, file: material.onPaper ? "纸质材料（窗口收取）" : (material.fileName ?? ""),
                at: CasePageFormat.time(material.receivedAt),
                href: material.sha256.map { "\(base)/materials/\($0)" })
        }
        isDraft = record.state == .draft
        isCorrection = record.state == .correction
        hasReceipt = record.number != nil
        canWithdraw = [.draft, .submitted, .correction, .inProgress, .paused].contains(record.state)
        pending = detail.pending.map { code in guide.materials.first { $0.code == code }?.name ?? code }
        pendingDue = detail.pendingDue
        let uploaded = Set(detail.materials.map(\.materialCode))
        if isDraft {
            slots = guide.materials(for: Set(record.situations)).filter { $0.source == .applicant && !$0.exempt }.map {
                Slot(
                    code: $0.code, name: $0.name, notes: CasePageFormat.nonEmpty($0.notes), required: $0.required,
                    uploaded: uploaded.contains($0.code), problem: nil)
            }
        } else if isCorrection {
            let noticeAt = detail.events.last { $0.kind == .correctionRequested }?.at ?? .distantPast
            let answered = Set(detail.materials.filter { $0.receivedAt >= noticeAt }.map(\.materialCode))
            slots = detail.correction.map {
                Slot(
                    code: $0.materialCode, name: $0.materialName, notes: nil, required: true,
                    uploaded: answered.contains($0.materialCode), problem: $0.problem)
            }
        } else {
            slots = detail.pending.map { code in
                Slot(
                    code: code, name: guide.materials.first { $0.code == code }?.name ?? code,
                    notes: "容缺受理时承诺补交", required: true, uploaded: false, problem: nil)
            }
        }
        showUploads = isDraft || isCorrection || !slots.isEmpty
        if record.state == .rejected {
            let event = detail.events.last { $0.kind == .rejected }
            rejection = RejectionNotice(
                item: record.itemName, reason: event?.detail.reason ?? "", basis: Self.rejectionBasis,
                date: CasePageFormat.day(event?.at ?? record.concludedAt))
        }
    }

    /// The promised clock of `clocks`, nil before acceptance.
    static func clock(_ clocks: CaseClocks?) -> Clock? {
        guard let clocks else { return nil }
        let promised = clocks.promised
        let remaining =
            promised.stoppedOn != nil
            ? (promised.onTime == true ? "已按时办结" : "已办结（超期）")
            : promised.remainingDays >= 0 ? "剩余\(promised.remainingDays)天" : "已超期\(-promised.remainingDays)天"
        return Clock(
            deadline: promised.deadline?.description ?? "", remaining: remaining,
            badge: CasePageFormat.badge(promised.colour),
            paused: promised.paused ? "计时已暂停（\(promised.pauseReason?.label ?? "中止")）" : nil,
            legalDeadline: clocks.legal?.deadline?.description,
            assumed: promised.deadlineAssumed || clocks.legal?.deadlineAssumed == true
                ? "该年度放假安排尚未公布，办结日期暂按周一至周五推算；公布后顺延节假日，只会推后、不会提前。" : nil)
    }
}
