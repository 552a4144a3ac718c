import Cases
import CasesModel
import Foundation
import Kernel
import PaymentChannels
import StorageTesting
import Testing

@testable import Payments

@Suite("Payment orders: issued at the payment step, idempotent, with reductions")
struct PaymentOrderTests {
    @Test("reaching the payment step issues one order for the item's fees", arguments: TestDatabase.available)
    func orderAtPaymentStep(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup / act: submit and accept; the payment-due event is delivered.
            let (caseID, order) = try await fixture.caseAwaitingPayment()
            try await fixture.deliver("cases.payment-due")

            // Verify: one order, 20 yuan, a well-formed code, due in 72 hours, the case waiting.
            #expect(order.amount == Money(fen: 2000))
            #expect(order.lines.map(\.name) == ["居民身份证工本费"])
            #expect(order.state == .created)
            #expect(RegionalPaymentCode().isWellFormed(order.code))
            #expect(order.code.hasPrefix("13010026"))
            #expect(order.payerNameMasked != "张三")
            #expect(order.expiresAt == PaymentsFixture.start.addingTimeInterval(72 * 3600))
            #expect(try await fixture.payments.orders(ofCase: caseID, by: .system).count == 1)
            let detail = try await fixture.cases.detail(caseID, by: .system)
            #expect(detail.tasks.contains { $0.stepKind == .pay && $0.state == .open })
            #expect(detail.clocks?.promised.paused == true)
            #expect(detail.clocks?.promised.pauseReason == .payment)
        }
    }

    @Test(
        "an Idempotency-Key returns the first order for the same request and refuses another",
        arguments: TestDatabase.available)
    func idempotency(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup: cancel the platform's order so a clerk can issue one with a reduction.
            let (caseID, order) = try await fixture.caseAwaitingPayment()
            let clerk = fixture.staff("gaj-sl01")
            _ = try await fixture.payments.cancel(order.id, reason: "适用减免，重新开具", by: clerk)
            let half = CreatePaymentOrder(
                caseID: caseID,
                reductions: [FeeReduction(fee: "居民身份证工本费", basis: "城市最低生活保障对象、农村五保供养对象减免", mode: .half)])

            // Act
            let first = try await fixture.payments.createOrder(half, idempotencyKey: "key-1", by: clerk)
            let again = try await fixture.payments.createOrder(half, idempotencyKey: "key-1", by: clerk)
            let exempt = CreatePaymentOrder(
                caseID: caseID,
                reductions: [FeeReduction(fee: "居民身份证工本费", basis: "城市最低生活保障对象、农村五保供养对象减免", mode: .exempt)])
            let reused = await #expect(throws: DomainError.self) {
                try await fixture.payments.createOrder(exempt, idempotencyKey: "key-1", by: clerk)
            }
            let missing = await #expect(throws: DomainError.self) {
                try await fixture.payments.createOrder(half, idempotencyKey: " ", by: clerk)
            }

            // Verify
            #expect(first.amount == Money(fen: 1000))
            #expect(first.lines.first?.reduction?.mode == .half)
            #expect(again.id == first.id)
            #expect(reused?.code == "payments.idempotency-key-reused")
            #expect(reused?.kind == .conflict)
            #expect(missing?.code == "payments.idempotency-key-required")
            #expect(try await fixture.count("pay_orders", where: "state = 'created'") == 1)
        }
    }

    @Test(
        "reductions must be declared by the guide, and an order may not be owed twice",
        arguments: TestDatabase.available)
    func reductionsAndOneLiveOrder(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (caseID, _) = try await fixture.caseAwaitingPayment()
            let clerk = fixture.staff("gaj-sl01")

            let undeclared = await #expect(throws: DomainError.self) {
                try await fixture.payments.createOrder(
                    CreatePaymentOrder(
                        caseID: caseID, reductions: [FeeReduction(fee: "居民身份证工本费", basis: "老年人", mode: .exempt)]),
                    idempotencyKey: "a", by: clerk)
            }
            let twice = await #expect(throws: DomainError.self) {
                try await fixture.payments.createOrder(
                    CreatePaymentOrder(caseID: caseID), idempotencyKey: "b", by: clerk)
            }
            let outsider = await #expect(throws: DomainError.self) {
                try await fixture.payments.createOrder(
                    CreatePaymentOrder(caseID: caseID), idempotencyKey: "c", by: fixture.staff("scj-sl01"))
            }

            #expect(undeclared?.code == "payments.unknown-reduction")
            #expect(twice?.code == "payments.case-has-order")
            #expect(outsider?.kind == .forbidden)
        }
    }
}

@Suite("The payment step and the clock")
struct PaymentStepClockTests {
    @Test(
        "staff cannot pause a case waiting for payment, nor pause for payment by hand",
        arguments: TestDatabase.available)
    func noPauseWhileAwaitingPayment(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (caseID, _) = try await fixture.caseAwaitingPayment()
            let handler = fixture.staff("gaj-sl01")

            let whileWaiting = await #expect(throws: DomainError.self) {
                try await fixture.cases.pause(caseID, reason: .suspension, comment: "等待鉴定", by: handler)
            }
            let forPayment = await #expect(throws: DomainError.self) {
                try await fixture.cases.pause(caseID, reason: .payment, comment: "等待缴费", by: handler)
            }
            let decide = await #expect(throws: DomainError.self) {
                let task = try #require(
                    try await fixture.cases.detail(caseID, by: .system).tasks.first { $0.stepKind == .pay })
                _ = try await fixture.cases.decide(task.id, .approve, by: handler)
            }

            #expect(whileWaiting?.code == "cases.awaiting-payment")
            #expect(forPayment?.code == "cases.pause-reason")
            #expect(decide?.code == "cases.payment-task")
        }
    }
}
