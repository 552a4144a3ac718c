import Cases
import Foundation
import Kernel
import PaymentChannels
import StorageTesting
import Testing

@testable import Payments

@Suite("The counter, cancellation and refunds")
struct PaymentCounterRefundTests {
    @Test(
        "cash at the counter pays; refunds go up to the amount paid and no further", arguments: TestDatabase.available)
    func counterAndRefunds(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup
            let (_, order) = try await fixture.caseAwaitingPayment()
            let clerk = fixture.staff("gaj-sl01")
            let finance = fixture.staff("gaj-cw01")

            // Act
            let paid = try await fixture.payments.recordCounterPayment(
                order.id, method: .card, reference: "POS-778", by: clerk)
            let part = try await fixture.payments.refund(
                order.id, amount: Money(fen: 500), reason: "多收工本费", by: finance)
            let tooMuch = await #expect(throws: DomainError.self) {
                try await fixture.payments.refund(order.id, amount: Money(fen: 1600), reason: "退还余款", by: finance)
            }
            let clerkRefund = await #expect(throws: DomainError.self) {
                try await fixture.payments.refund(order.id, amount: Money(fen: 100), reason: "退还余款", by: clerk)
            }
            _ = try await fixture.payments.refund(order.id, amount: Money(fen: 1500), reason: "申请人撤回申请", by: finance)

            // Verify
            #expect(paid.state == .paid)
            #expect(paid.channel == .counter)
            #expect(part.state == .succeeded)
            #expect(tooMuch?.code == "payments.refund-too-much")
            #expect(clerkRefund?.kind == .forbidden)
            let refunded = try await fixture.payments.order(code: order.code)
            #expect(refunded.state == .refunded)
            #expect(refunded.refunded == Money(fen: 2000))
            let card = await #expect(throws: DomainError.self) {
                try await fixture.payments.recordCounterPayment(order.id, method: .card, reference: "", by: clerk)
            }
            #expect(card?.code == "payments.counter-reference")
        }
    }

    @Test("a refund through a channel is sent by a job and repeated safely", arguments: TestDatabase.available)
    func channelRefund(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (_, order) = try await fixture.caseAwaitingPayment()
            _ = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)
            _ = await fixture.payments.receiveNotification(
                .sandbox, try await fixture.sandbox.pay(outTradeNo: order.code))

            let refund = try await fixture.payments.refund(
                order.id, amount: Money(fen: 2000), reason: "重复缴费退回", by: fixture.staff("gaj-cw01"))
            #expect(refund.state == .requested)
            try await fixture.runJobs("payments.refund")

            let status = try await fixture.sandbox.query(outTradeNo: order.code)
            #expect(status.state == .paid)
            #expect(try await fixture.count("pay_sandbox_refunds") == 1)
            #expect(try await fixture.count("pay_refunds", where: "state = 'succeeded'") == 1)
            // A second run (a retried job) finds the refund done and asks nothing more.
            try await fixture.runJobs("payments.refund")
            #expect(try await fixture.count("pay_sandbox_refunds") == 1)
        }
    }

    @Test("cancelling an unpaid order closes it to payment", arguments: TestDatabase.available)
    func cancel(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (_, order) = try await fixture.caseAwaitingPayment()
            _ = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)

            let cancelled = try await fixture.payments.cancel(order.id, reason: "金额有误", by: fixture.staff("gaj-sl01"))
            try await fixture.runJobs("payments.close")
            let checkout = await #expect(throws: DomainError.self) {
                try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)
            }

            #expect(cancelled.state == .cancelled)
            #expect(checkout?.code == "payments.not-payable")
            #expect(try await fixture.sandbox.query(outTradeNo: order.code).state == .closed)
        }
    }
}
