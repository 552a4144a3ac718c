import Foundation
import Kernel
import PaymentChannels
import Payments

extension PaymentAPIModels {
    /// `POST /api/v1/payments/orders`: the case and the reductions granted (none by default).
    struct CreateOrder: Decodable {
        var caseId: UUID
        var reductions: [Reduction]?

        var domain: CreatePaymentOrder {
            CreatePaymentOrder(caseID: caseId, reductions: (reductions ?? []).map(\.domain))
        }
    }

    /// `POST /api/v1/payments/orders/{code}/checkout`: the channel chosen.
    struct CheckoutRequest: Decodable {
        var channel: String
    }

    /// `POST /api/v1/payments/receipts/verify`: the scanned or pasted receipt code.
    struct VerifyRequest: Decodable {
        var code: String
    }

    /// The reason a cancellation or a resolution needs.
    struct Reason: Decodable {
        var reason: String
    }

    /// How the clerk took the money.
    enum CounterMethod: String, Decodable {
        case cash
        case card

        var domain: PaymentService.CounterMethod { self == .cash ? .cash : .card }
    }

    /// `POST /api/v1/staff/payments/orders/{id}/counter-payment`.
    struct CounterPayment: Decodable {
        var method: CounterMethod
        var reference: String?
    }

    /// `POST /api/v1/staff/payments/orders/{id}/refunds`.
    struct RefundRequest: Decodable {
        var amountFen: Int64
        var reason: String
    }

    /// `POST /api/v1/staff/payments/statements`: the channel, the day and, to import a file by hand,
    /// its text; without it the statement is downloaded from the channel.
    struct StatementRequest: Decodable {
        var channel: String
        var day: String
        var file: String?
    }

    /// What the sandbox payer's action did: the channel's acknowledgement status and where the order
    /// stands afterwards.
    struct SandboxPayment: Codable {
        /// `paid` (the order is paid, now or already), `refunding` (the order could not take the
        /// payment, which goes back) or `refused` (the platform refused the notification).
        var outcome: String
        /// The HTTP status the platform acknowledged the notification with.
        var status: Int
        var orderState: String?
        var orderStateLabel: String?
    }
}
