import Foundation
import Hummingbird
import Identity
import Kernel
import PaymentChannels
import Payments

extension PaymentPageRoutes {
    /// 对账 for finance staff: import a channel's statement of a day (upload the file or have it
    /// downloaded), read the differences, resolve each on a recorded reason.
    static func addReconciliation(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments
        router.get("/staff/payments/reconciliation") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            return try await reconciliationPage(request, context, staff, dependencies, notice: notice)
        }
        router.post("/staff/payments/reconciliation/import") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            var request = request
            let body = Data(
                try await request.collectBody(upTo: CSRFCheckMiddleware.maximumUploadBytes).readableBytesView)
            let contentType = request.headers[.contentType] ?? ""
            var channel = ""
            var dayText = ""
            do {
                var file: Data?
                var download = false
                if contentType.lowercased().hasPrefix("multipart/form-data") {
                    let form = try CasePageMultipart.parse(body, contentType: contentType)
                    channel = form.value("channel") ?? ""
                    dayText = form.value("day") ?? ""
                    download = form.value("source") == "download"
                    file = form.file("file").map(\.data).flatMap { $0.isEmpty ? nil : $0 }
                } else {
                    let form = URLEncodedForm.fields(String(decoding: body, as: UTF8.self))
                    channel = form["channel"] ?? ""
                    dayText = form["day"] ?? ""
                    download = form["source"] == "download"
                }
                let day = try CalendarDay(parsing: dayText.trimmingCharacters(in: .whitespaces))
                if !download && file == nil {
                    throw DomainError(
                        .invalid, code: "payments.statement-file", title: "请选择对账单文件",
                        detail: "请选择渠道对账单文件后导入，或点击“从渠道下载并对账”。")
                }
                _ = try await payments.importStatement(
                    channel: PaymentChannelID(rawValue: String(channel.prefix(20))), day: day,
                    file: download ? nil : file, by: staff.actor)
                return CasePageRoutes.redirect("/staff/payments/reconciliation?done=imported")
            } catch let error as DomainError where error.kind != .notFound {
                return try await reconciliationPage(
                    request, context, staff, dependencies, error: error, channel: channel,
                    day: String(dayText.prefix(10)))
            }
        }
        router.post("/staff/payments/reconciliation/mismatches/{id}/resolve") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context)
            let reason = String((try await request.formFields(context)["reason"] ?? "").prefix(500))
            do {
                _ = try await payments.resolveMismatch(id, reason: reason, by: staff.actor)
                return CasePageRoutes.redirect("/staff/payments/reconciliation?done=resolved")
            } catch let error as DomainError where error.kind != .notFound {
                return try await reconciliationPage(
                    request, context, staff, dependencies, error: error, typed: [id: reason])
            }
        }
    }

    /// The reconciliation page, with a notice or the error of a refused form and what was typed.
    static func reconciliationPage(
        _ request: Request, _ context: AppRequestContext, _ staff: StaffContext, _ dependencies: WebDependencies,
        notice: String? = nil, error: DomainError? = nil, channel: String = "", day: String? = nil,
        typed: [UUID: String] = [:]
    ) async throws -> Response {
        let renderer = dependencies.renderer
        let yesterday = CalendarDay.today(dependencies.clock).adding(days: -1)
        var page = PaymentPageReconciliation(
            layout: renderer.layout("对账", request, context), channels: scanChannels(dependencies),
            statements: try await dependencies.payments.statements(limit: 30, by: staff.actor), channel: channel,
            day: day ?? yesterday.description, typed: typed)
        page.notice = notice
        page.error = error
        return renderer.render("payment-staff-reconciliation", page, status: CasePageRoutes.status(error))
    }
}
