import Foundation
import Hummingbird
import Kernel
import Payments

extension PaymentPageRoutes {
    /// 我的缴费 for a signed-in person: the orders of their cases and one order with its refunds.
    static func addMine(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let payments = dependencies.payments
        router.get("/me/payments") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let page = PaymentPageMine(
                layout: renderer.layout("我的缴费", request, context),
                orders: try await payments.myOrders(accountID: session.personID))
            return renderer.render("payment-mine", page)
        }
        router.get("/me/payments/{id}") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let detail = try await payments.detail(try id(context), by: .payer(accountID: session.personID))
            let page = PaymentPageMineOrder(
                layout: renderer.layout("缴款单：\(detail.order.itemName)", request, context), detail: detail)
            return renderer.render("payment-mine-order", page)
        }
    }
}
