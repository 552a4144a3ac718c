import Cases
import Foundation
import Hummingbird
import Payments

extension PaymentAPIRoutes {
    /// The payer's own orders under /api/v1/me/payments, and the orders of a case beside the case's
    /// other reads: /api/v1/cases/{id}/payments for its applicant, /api/v1/staff/cases/{id}/payments
    /// for staff who may read the case. A session or an OIDC access token names the payer.
    static func addPayer(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments

        router.get("/api/v1/me/payments") { request, context in
            try await asPayer(request, context, dependencies) { _, accountID in
                let orders = try await payments.myOrders(accountID: accountID, limit: try request.limit(default: 50))
                return try uncached(Models.OrderList(items: orders.map(Models.Order.init)))
            }
        }
        router.get("/api/v1/me/payments/{id}") { request, context in
            try await asPayer(request, context, dependencies) { _, accountID in
                let detail = try await payments.detail(try orderID(context), by: .payer(accountID: accountID))
                return try uncached(Models.Detail(detail, forStaff: false))
            }
        }
        router.get("/api/v1/cases/{id}/payments") { request, context in
            try await asPayer(request, context, dependencies) { actor, _ in
                let orders = try await payments.orders(ofCase: try CaseAPIAccess.id(context), by: actor)
                return try uncached(Models.OrderList(items: orders.map(Models.Order.init)))
            }
        }
        router.get("/api/v1/staff/cases/{id}/payments") { request, context in
            try await asStaff(request, context) { staff in
                let orders = try await payments.orders(ofCase: try CaseAPIAccess.id(context), by: .staff(staff))
                return try uncached(Models.OrderList(items: orders.map(Models.Order.init)))
            }
        }
    }
}
