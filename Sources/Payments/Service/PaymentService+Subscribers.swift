import Cases
import CasesModel
import Foundation
import Kernel
public import Storage

extension PaymentService {
    /// The subscribers: an order is issued when a case reaches its payment step, and a successful
    /// payment completes that step so the case moves on.
    public func subscribers() -> [EventSubscriber] {
        [
            EventSubscriber(name: "payments.order-on-payment-due", eventTypes: [CaseEventType.paymentDue.rawValue]) {
                event, tx in
                let payload = try event.decode(CaseEventPayload.self)
                try await createOrderForPaymentStep(
                    caseID: payload.caseID, round: payload.result?["round"] ?? event.id.uuidString, tx: tx)
            },
            EventSubscriber(name: "payments.case-on-paid", eventTypes: [PaymentEventPayload.EventType.succeeded]) {
                event, tx in
                let payload = try event.decode(PaymentEventPayload.self)
                guard let caseID = payload.caseID else { return }
                try await cases.recordPayment(
                    caseID, summary: "缴款码 \(payload.code)，\(payload.amount.formatted(.yuan))，\(payload.channel.label)",
                    in: tx)
            },
        ]
    }
}
