import Foundation
import Hummingbird
import Identity
import Kernel
import Payments

extension PaymentPageRoutes {
    /// 非税收入 for staff: the orders of their departments, one order with its trades, refunds and
    /// notifications, and the notification log. The service decides what each staff member reaches.
    static func addStaffPages(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let payments = dependencies.payments
        router.get("/staff/payments") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let state = PaymentOrderState(rawValue: CaseAPIRequest.query(request, "state"))
            let page = PaymentPageStaffList(
                layout: renderer.layout("非税收入", request, context),
                orders: try await payments.orders(state: state, limit: 200, by: staff.actor), state: state,
                isFinance: staff.permissions.contains(.paymentsFinance))
            return renderer.render("payment-staff-list", page)
        }
        router.get("/staff/payments/notifications") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let page = PaymentPageNotifications(
                layout: renderer.layout("支付通知日志", request, context),
                records: try await payments.notifications(limit: 300, by: staff.actor))
            return renderer.render("payment-staff-notifications", page)
        }
        router.get("/staff/payments/{id}") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            return try await staffOrderPage(try id(context), request, context, staff, dependencies, notice: notice)
        }
    }

    /// The staff page of order `id`, with a notice or the error of a refused command and what was typed.
    static func staffOrderPage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, _ staff: StaffContext,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil,
        typed: PaymentPageStaffOrder.Typed = .init()
    ) async throws -> Response {
        let payments = dependencies.payments
        let detail = try await payments.detail(id, by: .staff(staff.actor))
        // The log is finance staff's; a clerk who only collects sees the order without it.
        let notifications =
            staff.permissions.contains(.paymentsFinance)
            ? try? await payments.notifications(limit: 500, by: staff.actor) : nil
        var page = PaymentPageStaffOrder(
            layout: dependencies.renderer.layout("缴款单：\(detail.order.itemName)", request, context), detail: detail,
            notifications: notifications, permissions: staff.permissions, typed: typed)
        page.notice = notice
        page.error = error
        return dependencies.renderer.render("payment-staff-order", page, status: CasePageRoutes.status(error))
    }
}
