import Foundation
import Hummingbird
import Kernel
import Payments

extension PaymentAPIRoutes {
    /// Issuing orders and reading them, for the payee department's staff.
    static func addStaffOrders(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments

        // 201 for the order this request issued, 200 for the same order returned to a retry.
        router.post("/api/v1/payments/orders") { request, context in
            try await asStaff(request, context) { staff in
                try await mappingBadRequests(request, context) {
                    let key = request.headers[.init("Idempotency-Key")!] ?? ""
                    let body = try await request.decodeJSON(as: Models.CreateOrder.self, context: context)
                    let (order, replayed) = try await payments.issueOrder(body.domain, idempotencyKey: key, by: staff)
                    var response = try uncached(Models.Order(order), status: replayed ? .ok : .created)
                    response.headers[.location] = "/api/v1/staff/payments/orders/\(order.id.uuidString)"
                    return response
                }
            }
        }
        router.get("/api/v1/staff/payments/orders") { request, context in
            try await asStaff(request, context) { staff in
                let text = CaseAPIRequest.query(request, "state")
                var state: PaymentOrderState?
                if !text.isEmpty {
                    guard let parsed = PaymentOrderState(rawValue: text) else {
                        throw DomainError(
                            .invalid, code: "request.bad-state", title: "state 参数不正确",
                            detail: "state 应为 \(PaymentOrderState.allCases.map(\.rawValue).joined(separator: "、")) 之一。")
                    }
                    state = parsed
                }
                let orders = try await payments.orders(state: state, limit: try request.limit(default: 100), by: staff)
                return try uncached(Models.OrderList(items: orders.map(Models.Order.init)))
            }
        }
        router.get("/api/v1/staff/payments/orders/{id}") { request, context in
            try await asStaff(request, context) { staff in
                let detail = try await payments.detail(try orderID(context), by: .staff(staff))
                return try uncached(Models.Detail(detail, forStaff: true))
            }
        }
        router.get("/api/v1/staff/payments/notifications") { request, context in
            try await asStaff(request, context) { staff in
                let records = try await payments.notifications(limit: try request.limit(default: 100), by: staff)
                return try uncached(Models.NotificationList(items: records.map(Models.Notification.init)))
            }
        }
    }

    /// Cancelling, taking money at the counter and refunding: commands on one order.
    static func addStaffCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments

        router.post("/api/v1/staff/payments/orders/{id}/cancel") { request, context in
            try await asStaff(request, context) { staff in
                let id = try orderID(context)
                let body = try await request.decodeJSON(as: Models.Reason.self, context: context)
                return try uncached(Models.Order(try await payments.cancel(id, reason: body.reason, by: staff)))
            }
        }
        router.post("/api/v1/staff/payments/orders/{id}/counter-payment") { request, context in
            try await asStaff(request, context) { staff in
                let id = try orderID(context)
                let body = try await request.decodeJSON(as: Models.CounterPayment.self, context: context)
                let order = try await payments.recordCounterPayment(
                    id, method: body.method.domain, reference: body.reference ?? "", by: staff)
                return try uncached(Models.Order(order))
            }
        }
        router.post("/api/v1/staff/payments/orders/{id}/refunds") { request, context in
            try await asStaff(request, context) { staff in
                let id = try orderID(context)
                let body = try await request.decodeJSON(as: Models.RefundRequest.self, context: context)
                let refund = try await payments.refund(
                    id, amount: Money(fen: body.amountFen), reason: body.reason, by: staff)
                return try uncached(Models.Refund(refund, forStaff: true), status: .created)
            }
        }
    }
}
