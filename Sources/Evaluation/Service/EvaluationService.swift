public import Cases
public import Catalog
import Foundation
public import Identity
public import Kernel
public import Storage

/// 好差评 and 政民互动: ratings of concluded cases and counter visits, the bad-review loop,
/// consultations, complaints and suggestions, FAQs, demands and the public scoreboards.
///
/// Every command checks its actor here and is audited in the transaction that makes the change.
/// Staff never see who rated unless they hold `person.read-clear`; the contact of a bad reviewer
/// or a message is shown masked, and revealing it for the call-back is audited.
public struct EvaluationService: Sendable {
    package let database: any Database
    package let audit: AuditLog
    package let clock: any Clock
    package let organisation: OrganisationService
    package let catalog: CatalogService
    package let cases: CaseService
    package let calendar: WorkCalendar
    package let sealer: FieldSealer
    package let settings: EvaluationSettings

    /// Creates the service.
    public init(
        database: any Database, audit: AuditLog, clock: any Clock, organisation: OrganisationService,
        catalog: CatalogService, cases: CaseService, calendar: WorkCalendar, sealer: FieldSealer,
        settings: EvaluationSettings = EvaluationSettings()
    ) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.organisation = organisation
        self.catalog = catalog
        self.cases = cases
        self.calendar = calendar
        self.sealer = sealer
        self.settings = settings
    }

    /// Today in Asia/Shanghai.
    var today: CalendarDay { CalendarDay.today(clock) }

    /// The day `count` working days after today: a deadline counted as the statutory clock counts.
    func workdaysFromToday(_ count: Int) throws -> CalendarDay {
        try calendar.addingWorkdays(count, to: today)
    }

    package static func notFound(_ what: String = "记录") -> DomainError {
        DomainError(.notFound, code: "evaluation.not-found", title: "\(what)不存在", detail: "没有找到这条\(what)，或您无权查看。")
    }

    package static func conflict(_ code: String, _ detail: String) -> DomainError {
        DomainError(.conflict, code: "evaluation.\(code)", title: "当前状态不允许此操作", detail: detail)
    }

    package static func invalid(_ code: String, _ title: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "evaluation.\(code)", title: title, detail: detail)
    }

    /// Trims `text` and checks its length, for the free texts of every command.
    static func text(_ text: String?, _ field: String, _ range: ClosedRange<Int>, code: String) throws -> String {
        let trimmed = try checked(text, field, code: code)
        guard range.contains(trimmed.count) else {
            throw invalid(
                code, "请填写\(field)", "\(field)须为\(range.lowerBound)到\(range.upperBound)个字，现为\(trimmed.count)个字。")
        }
        return trimmed
    }

    /// `text` trimmed, refused when it holds control characters other than line breaks and tabs
    /// (a NUL cannot be stored in PostgreSQL text, and none of them belongs in a comment).
    static func checked(_ text: String?, _ field: String, code: String) throws -> String {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard
            !trimmed.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r"
            })
        else { throw invalid(code, "\(field)有误", "\(field)不能含控制字符。") }
        return trimmed
    }

    /// Like `text`, but an empty text is nil.
    static func optionalText(_ text: String?, _ field: String, max: Int, code: String) throws -> String? {
        let trimmed = try checked(text, field, code: code)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= max else {
            throw invalid(code, "\(field)过长", "\(field)最多\(max)个字，现为\(trimmed.count)个字。")
        }
        return trimmed
    }
}
