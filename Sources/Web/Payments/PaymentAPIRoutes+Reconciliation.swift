import Foundation
import Hummingbird
import Kernel
import NIOCore
import PaymentChannels
import Payments

extension PaymentAPIRoutes {
    /// The largest statement request: a day's CSV of a busy channel runs to a few megabytes.
    static let statementLimit = 8 << 20

    /// 对账 for finance staff: import a channel's statement of a day (uploaded, or downloaded from
    /// the channel), list the imports with their differences, and resolve a difference.
    static func addReconciliation(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments

        router.post("/api/v1/staff/payments/statements") { request, context in
            try await asStaff(request, context) { staff in
                let body: Models.StatementRequest
                do {
                    var request = request
                    let buffer = try await request.collectBody(upTo: statementLimit)
                    body = try JSONDecoder().decode(Models.StatementRequest.self, from: Data(buffer.readableBytesView))
                } catch is NIOTooManyBytesError {
                    return Problem(
                        status: 413, code: "payments.statement-too-large", title: "对账单过大",
                        detail: "对账单请求不能超过 8 MB；更大的账单请由系统从渠道下载（不带 file 字段）。",
                        instance: request.uri.path, requestId: context.requestID
                    ).response()
                }
                let statement = try await payments.importStatement(
                    channel: PaymentChannelID(rawValue: body.channel.trimmingCharacters(in: .whitespaces)),
                    day: try CalendarDay(parsing: body.day.trimmingCharacters(in: .whitespaces)),
                    file: body.file.map { Data($0.utf8) }, by: staff)
                return try uncached(Models.Statement(statement), status: .created)
            }
        }
        router.get("/api/v1/staff/payments/statements") { request, context in
            try await asStaff(request, context) { staff in
                let channel = CaseAPIRequest.query(request, "channel")
                let statements = try await payments.statements(
                    channel: channel.isEmpty ? nil : PaymentChannelID(rawValue: channel),
                    limit: try request.limit(default: 30), by: staff)
                return try uncached(Models.StatementList(items: statements.map(Models.Statement.init)))
            }
        }
        router.post("/api/v1/staff/payments/mismatches/{id}/resolve") { request, context in
            try await asStaff(request, context) { staff in
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
                    throw DomainError(
                        .notFound, code: "payments.mismatch-not-found", title: "差错不存在", detail: "没有找到这条对账差错。")
                }
                let body = try await request.decodeJSON(as: Models.Reason.self, context: context)
                let mismatch = try await payments.resolveMismatch(id, reason: body.reason, by: staff)
                return try uncached(Models.Mismatch(mismatch))
            }
        }
    }
}
