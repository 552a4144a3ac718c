import Foundation
import Hummingbird
import Identity
import Kernel
import Payments

extension PaymentPageRoutes {
    /// The staff's form posts on an order: 退款 (finance), 取消 and 窗口收款 (collect). A refusal is
    /// shown on the order's page, with what was typed kept.
    static func addStaffCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments
        router.post("/staff/payments/{id}/refund") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context)
            let form = try await request.formFields(context)
            var typed = PaymentPageStaffOrder.Typed()
            typed.refundAmount = String((form["amount"] ?? "").prefix(20))
            typed.refundReason = String((form["reason"] ?? "").prefix(200))
            do {
                let amount = try Money(parsing: typed.refundAmount.trimmingCharacters(in: .whitespaces))
                _ = try await payments.refund(id, amount: amount, reason: typed.refundReason, by: staff.actor)
                return CasePageRoutes.redirect("/staff/payments/\(id.uuidString)?done=refunded")
            } catch let error as DomainError where error.kind != .notFound {
                return try await staffOrderPage(id, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
        router.post("/staff/payments/{id}/cancel") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context)
            var typed = PaymentPageStaffOrder.Typed()
            typed.cancelReason = String((try await request.formFields(context)["reason"] ?? "").prefix(200))
            do {
                _ = try await payments.cancel(id, reason: typed.cancelReason, by: staff.actor)
                return CasePageRoutes.redirect("/staff/payments/\(id.uuidString)?done=cancelled")
            } catch let error as DomainError where error.kind != .notFound {
                return try await staffOrderPage(id, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
        router.post("/staff/payments/{id}/collect") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context)
            let form = try await request.formFields(context)
            var typed = PaymentPageStaffOrder.Typed()
            typed.collectCard = form["method"] == PaymentService.CounterMethod.card.rawValue
            typed.collectReference = String((form["reference"] ?? "").prefix(64))
            do {
                guard let method = PaymentService.CounterMethod(rawValue: form["method"] ?? "") else {
                    throw DomainError(
                        .invalid, code: "payments.counter-method", title: "请选择收款方式", detail: "请选择现金或银行卡。")
                }
                _ = try await payments.recordCounterPayment(
                    id, method: method, reference: typed.collectReference, by: CasePageFormat.counter(staff, context))
                return CasePageRoutes.redirect("/staff/payments/\(id.uuidString)?done=collected")
            } catch let error as DomainError where error.kind != .notFound {
                return try await staffOrderPage(id, request, context, staff, dependencies, error: error, typed: typed)
            }
        }
    }
}
