import Cases
import CasesModel
import Foundation
import Kernel
import PaymentChannels
import Storage
import StorageTesting
import Testing

@testable import Payments

@Suite("Paying: checkout, verified callbacks, duplicates, forgeries, the case moving on")
struct PaymentCallbackTests {
    @Test(
        "a sandbox payment pays the order once, issues a verifying receipt and moves the case on",
        arguments: TestDatabase.available)
    func sandboxPayment(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup
            let (caseID, order) = try await fixture.caseAwaitingPayment()
            let checkout = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)
            let reopened = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)

            // Act: the payer pays; the notification arrives twice (providers retry).
            let notification = try await fixture.sandbox.pay(outTradeNo: order.code)
            let first = await fixture.payments.receiveNotification(.sandbox, notification)
            let second = await fixture.payments.receiveNotification(.sandbox, notification)
            try await fixture.deliver(PaymentEventPayload.EventType.succeeded)
            try await fixture.deliver(PaymentEventPayload.EventType.succeeded)

            // Verify: pending then paid, one trade, one receipt, one event; the case is at review.
            #expect(checkout.order.state == .pending)
            #expect(checkout.trade.qrContent == "http://127.0.0.1:8080/payments/sandbox/\(order.code)")
            #expect(reopened.trade.id == checkout.trade.id)
            #expect(first.status == 200)
            #expect(second.status == 200)
            let paid = try await fixture.payments.order(code: order.code)
            #expect(paid.state == .paid)
            #expect(paid.paid == Money(fen: 2000))
            #expect(paid.channel == .sandbox)
            #expect(try await fixture.count("pay_receipts") == 1)
            #expect(try await fixture.count("zt_outbox", where: "event_type = 'payments.payment-succeeded'") == 1)
            #expect(try await fixture.count("pay_notifications", where: "outcome = 'duplicate'") == 1)
            let receipt = try await fixture.payments.receipt(order.id, by: .code(order.code))
            #expect(receipt.signedCode.hasPrefix("ZTR1:"))
            #expect(receipt.receiptNumber == "0000000001")
            let verdict = try await fixture.payments.verifyReceipt(receipt.signedCode)
            #expect(verdict.verdict == .valid)
            #expect(verdict.claims?.amount == Money(fen: 2000))
            #expect(verdict.claims?.paymentCode == order.code)
            let detail = try await fixture.cases.detail(caseID, by: .system)
            #expect(detail.tasks.contains { $0.stepKind == .pay && $0.state == .done })
            #expect(detail.tasks.contains { $0.stepID == "review" && $0.state == .open })
            #expect(detail.tasks.filter { $0.stepID == "review" }.count == 1)
            #expect(detail.clocks?.promised.running == true)
            #expect(detail.events.contains { $0.kind == .paid })
        }
    }

    @Test("a tampered receipt code fails verification", arguments: TestDatabase.available)
    func tamperedReceipt(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (_, order) = try await fixture.caseAwaitingPayment()
            _ = try await fixture.payments.recordCounterPayment(
                order.id, method: .cash, reference: "", by: fixture.staff("gaj-sl01"))
            let receipt = try await fixture.payments.receipt(order.id, by: .code(order.code))

            var characters = Array(receipt.signedCode)
            let index = characters.count - 10
            characters[index] = characters[index] == "A" ? "B" : "A"
            let tampered = try await fixture.payments.verifyReceipt(String(characters))
            let license = try await fixture.payments.verifyReceipt("ZT1:6BFOXN*TS0BI$ZD4N9")

            #expect(tampered.verdict != .valid)
            #expect(license.verdict == .malformed)
        }
    }

    @Test(
        "a forged notification, an unknown trade and a wrong amount are refused and logged",
        arguments: TestDatabase.available)
    func refusedNotifications(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup
            let (_, order) = try await fixture.caseAwaitingPayment()
            _ = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)
            let genuine = try await fixture.sandbox.pay(outTradeNo: order.code)

            // Act
            var forgedBody = genuine.body
            forgedBody[forgedBody.count - 3] ^= 1
            let forged = await fixture.payments.receiveNotification(
                .sandbox, ChannelNotification(headers: genuine.headers, body: forgedBody))
            let scriptedChannel = PaymentChannelID(rawValue: "scripted")
            _ = try await fixture.payments.checkout(code: order.code, channel: scriptedChannel, by: .system)
            let wrongAmount = await fixture.payments.receiveNotification(
                scriptedChannel, ScriptedChannel.notification(order.code, tradeNo: "T1", amount: 1))
            let unknown = await fixture.payments.receiveNotification(
                scriptedChannel, ScriptedChannel.notification("13010026100000000000", tradeNo: "T2", amount: 2000))

            // Verify: all refused with the channel's failure answer; nothing paid; each logged.
            #expect(forged.status == 400)
            #expect(wrongAmount.status == 400)
            #expect(unknown.status == 400)
            #expect(try await fixture.payments.order(code: order.code).state == .pending)
            #expect(try await fixture.count("pay_notifications", where: "outcome = 'refused'") == 3)
            #expect(try await fixture.count("pay_receipts") == 0)
            #expect(try await fixture.count("zt_audit_log", where: "action = 'payments.amount-mismatch'") == 1)
        }
    }

    @Test("a payment of an expired order is refunded automatically", arguments: TestDatabase.available)
    func expiredOrderRefunded(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup: a scripted trade opened, then the order's time runs out.
            let (caseID, order) = try await fixture.caseAwaitingPayment()
            let channel = PaymentChannelID(rawValue: "scripted")
            _ = try await fixture.payments.checkout(code: order.code, channel: channel, by: .system)
            fixture.clock.advance(by: 72 * 3600 + 1)
            try await fixture.runJobs("payments.expire")
            try await fixture.runJobs("payments.close")

            // Act: the payer paid anyway (the provider's notification comes late).
            let answer = await fixture.payments.receiveNotification(
                channel, ScriptedChannel.notification(order.code, tradeNo: "LATE1", amount: 2000))
            try await fixture.runJobs("payments.refund")

            // Verify: acknowledged, the order stays expired, the money goes back, the case does not move.
            #expect(answer.status == 200)
            #expect(try await fixture.payments.order(code: order.code).state == .expired)
            #expect(fixture.scripted.closed == [order.code])
            #expect(fixture.scripted.refunds.count == 1)
            #expect(fixture.scripted.refunds.first?.amount == Money(fen: 2000))
            #expect(try await fixture.count("pay_refunds", where: "automatic = 1 AND state = 'succeeded'") == 1)
            #expect(try await fixture.count("pay_receipts") == 0)
            let detail = try await fixture.cases.detail(caseID, by: .system)
            #expect(detail.tasks.contains { $0.stepKind == .pay && $0.state == .open })
        }
    }

    @Test("paying the same order through two channels refunds the second", arguments: TestDatabase.available)
    func doublePayment(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (_, order) = try await fixture.caseAwaitingPayment()
            let scripted = PaymentChannelID(rawValue: "scripted")
            _ = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)
            _ = try await fixture.payments.checkout(code: order.code, channel: scripted, by: .system)

            _ = await fixture.payments.receiveNotification(
                .sandbox, try await fixture.sandbox.pay(outTradeNo: order.code))
            let second = await fixture.payments.receiveNotification(
                scripted, ScriptedChannel.notification(order.code, tradeNo: "S2", amount: 2000))
            try await fixture.runJobs("payments.refund")

            #expect(second.status == 200)
            let paid = try await fixture.payments.order(code: order.code)
            #expect(paid.state == .paid)
            #expect(paid.channel == .sandbox)
            #expect(paid.refunded == .zero)
            #expect(fixture.scripted.refunds.map(\.refundNo).count == 1)
            #expect(try await fixture.count("zt_outbox", where: "event_type = 'payments.payment-succeeded'") == 1)
            #expect(try await fixture.count("pay_receipts") == 1)
        }
    }

    @Test("when no notification arrives, the query job finds the payment", arguments: TestDatabase.available)
    func queryFindsLostPayment(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let (_, order) = try await fixture.caseAwaitingPayment()
            let scripted = PaymentChannelID(rawValue: "scripted")
            _ = try await fixture.payments.checkout(code: order.code, channel: scripted, by: .system)
            fixture.clock.advance(by: 121)
            try await fixture.runJobs("payments.query")
            let stillPending = try await fixture.payments.order(code: order.code)

            fixture.scripted.setStatus(
                ChannelTradeStatus(outTradeNo: order.code, state: .paid, channelTradeNo: "Q1", amount: Money(fen: 2000))
            )
            fixture.clock.advance(by: 3600)
            let ran = try await fixture.runJobs("payments.query")

            #expect(stillPending.state == .pending)
            #expect(ran == 1)
            #expect(try await fixture.payments.order(code: order.code).state == .paid)
            #expect(try await fixture.count("pay_notifications", where: "source = 'query' AND outcome = 'paid'") == 1)
        }
    }
}

@Suite("The refusal log is bounded")
struct PaymentRefusalLogTests {
    @Test("a flood of forged notifications logs at most the per-minute limit", arguments: TestDatabase.available)
    func floodIsBounded(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            let scripted = PaymentChannelID(rawValue: "scripted")
            let forged = ScriptedChannel.notification("13010026100000000000", tradeNo: "X", amount: 1, forged: true)

            for _ in 0..<(PaymentService.refusalLogLimit + 5) {
                let answer = await fixture.payments.receiveNotification(scripted, forged)
                #expect(answer.status == 400)
            }
            fixture.clock.advance(by: 61)
            _ = await fixture.payments.receiveNotification(scripted, forged)

            let logged = try await fixture.count("pay_notifications")
            #expect(logged == PaymentService.refusalLogLimit + 1)
        }
    }
}
