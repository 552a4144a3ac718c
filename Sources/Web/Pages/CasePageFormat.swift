import Cases
import CasesModel
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel
import Storage

/// What every case page shares: the actor of a request, times in Beijing, grouped case numbers,
/// deadline badges and timeline lines.
enum CasePageFormat {
    /// A deadline as a badge: a label as well as a colour, so colour is never the only cue.
    struct Badge: Equatable {
        var label: String
        var css: String
    }

    /// One line of a timeline.
    struct Line: Equatable {
        var label: String
        var at: String
        var note: String?
    }

    /// The applicant acting through this request: a phone's browser counts as the mobile channel.
    static func applicant(_ session: SessionInfo, _ request: Request, _ context: AppRequestContext) -> CaseActor {
        .applicant(
            accountID: session.personID, channel: channel(userAgent: request.headers[.userAgent] ?? ""),
            clientAddress: context.clientAddress)
    }

    /// `.mobile` for a phone's browser, else `.pc`.
    static func channel(userAgent: String) -> CaseChannel {
        let phoneMarks = ["iPhone", "Android", "Mobile", "HarmonyOS", "MicroMessenger"]
        return phoneMarks.contains { userAgent.contains($0) } ? .mobile : .pc
    }

    /// A clerk at the one-window counter: the case records the window as its channel.
    static func counter(_ staff: StaffContext, _ context: AppRequestContext) -> StaffActor {
        StaffActor(staffID: staff.session.staffID, channel: "counter", clientAddress: context.clientAddress)
    }

    /// An instant in Beijing time, minutes precision.
    static func time(_ date: Date) -> String {
        String(BeijingTime.format(date).prefix(16))
    }

    /// An instant in Beijing time, or nil (templates skip a nil, not an empty text).
    static func time(_ date: Date?) -> String? {
        date.map(time)
    }

    /// `text`, or nil when it is empty, so that a template section skips it.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// The day of an instant in Beijing.
    static func day(_ date: Date?) -> String {
        guard let date else { return "" }
        return CalendarDay(date).description
    }

    /// A case number in its printed groups; the raw text when it does not parse; 未编号 for a draft.
    static func grouped(_ number: String?) -> String {
        guard let number else { return "（草稿，提交后生成）" }
        return (try? CaseNumber(parsing: number).grouped) ?? number
    }

    /// The badge of a deadline colour.
    static func badge(_ colour: DeadlineColour) -> Badge {
        let css =
            switch colour {
            case .green: "deadline deadline-green"
            case .yellow: "deadline deadline-yellow"
            case .red: "deadline deadline-red"
            case .overdue: "deadline deadline-overdue"
            }
        return Badge(label: colour.label, css: css)
    }

    /// A timeline line for `event`, with the reason, comment or notice it carries.
    static func line(_ event: CaseEventRecord, staffView: Bool) -> Line {
        let detail = event.detail
        var notes: [String] = []
        if let outcome = detail.outcome { notes.append("结果：\(outcome.label)") }
        if let decision = detail.decision { notes.append(decisionLabel(decision)) }
        if let reason = detail.reason { notes.append("理由：\(reason)") }
        if let comment = detail.comment, staffView || event.kind == .concluded { notes.append("意见：\(comment)") }
        if let items = detail.items { notes.append("需补正：" + items.map(\.materialName).joined(separator: "、")) }
        if let pause = detail.pauseReason { notes.append("原因：\(pause.label)") }
        if let days = detail.days { notes.append("延长\(days)天") }
        if let channel = detail.channel, event.kind == .channelChanged { notes.append(channel.label) }
        if let due = detail.dueDay { notes.append("补交期限：\(due)") }
        return Line(
            label: event.kind.label, at: time(event.at), note: notes.isEmpty ? nil : notes.joined(separator: "；"))
    }

    /// The Chinese word of a stored task decision.
    static func decisionLabel(_ code: String) -> String {
        switch code {
        case "approve": "通过"
        case "deny": "不予通过"
        case "return": "退回"
        default: code
        }
    }

    /// Whether `text` is a lowercase SHA-256 in hex, as material links carry it.
    static func isDigest(_ text: String) -> Bool {
        text.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The response for a stored material file: downloaded, never rendered inline.
    static func download(_ blob: BlobReference, data: Data, fileName: String) -> Response {
        let ascii = fileName.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0.value >= 32 }
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "material"
        let disposition =
            ascii
            ? "attachment; filename=\"\(fileName)\"" : "attachment; filename=\"material\"; filename*=UTF-8''\(encoded)"
        return Response(
            status: .ok,
            headers: [
                .contentType: blob.mediaType, .contentDisposition: disposition, .cacheControl: "no-store",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
