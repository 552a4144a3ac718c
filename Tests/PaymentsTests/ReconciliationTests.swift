import Foundation
import Kernel
import PaymentChannels
import StorageTesting
import Testing

@testable import Payments

@Suite("Daily reconciliation against the channel statement")
struct ReconciliationTests {
    @Test(
        "a matching statement leaves nothing to resolve; differences are listed and resolved with a reason",
        arguments: TestDatabase.available)
    func reconcile(database: TestDatabase) async throws {
        try await PaymentsFixture.with(database) { fixture in
            // Setup: one sandbox payment and a partial refund today.
            let (_, order) = try await fixture.caseAwaitingPayment()
            _ = try await fixture.payments.checkout(code: order.code, channel: .sandbox, by: .system)
            _ = await fixture.payments.receiveNotification(
                .sandbox, try await fixture.sandbox.pay(outTradeNo: order.code))
            let finance = fixture.staff("gaj-cw01")
            _ = try await fixture.payments.refund(order.id, amount: Money(fen: 500), reason: "部分退回", by: finance)
            try await fixture.runJobs("payments.refund")
            let today = CalendarDay.today(fixture.clock)
            fixture.clock.advance(by: 24 * 3600)

            // Act: the channel's own statement, then a doctored one for another day's import.
            let clean = try await fixture.payments.importStatement(
                channel: .sandbox, day: today, file: nil, by: finance)
            let doctored = Data(
                """
                交易时间,商户订单号,渠道交易号,类型,金额（元）,退款单号
                2026-04-27 10:00:00,\(order.code),SBX\(order.code),支付,19.99,
                2026-04-27 11:00:00,13010026100000000018,SBXX,支付,5.00,
                """.utf8)
            let yesterday = today.adding(days: -1)
            let report = try await fixture.payments.importStatement(
                channel: .sandbox, day: yesterday, file: doctored, by: finance)
            let again = await #expect(throws: DomainError.self) {
                try await fixture.payments.importStatement(channel: .sandbox, day: today, file: nil, by: finance)
            }
            let first = try #require(report.mismatches.first)
            let resolved = try await fixture.payments.resolveMismatch(first.id, reason: "渠道次日补单，已核实", by: finance)

            // Verify
            #expect(clean.lineCount == 2)
            #expect(clean.payments == Money(fen: 2000))
            #expect(clean.refunds == Money(fen: 500))
            #expect(clean.mismatches.isEmpty)
            #expect(Set(report.mismatches.map(\.kind)) == [.missingOurs])
            #expect(report.mismatches.count == 2)
            #expect(again?.code == "payments.statement-imported")
            #expect(resolved.resolved)
            #expect(resolved.resolution == "渠道次日补单，已核实")
            let outsider = await #expect(throws: DomainError.self) {
                try await fixture.payments.statements(by: fixture.staff("gaj-sl01"))
            }
            #expect(outsider?.kind == .forbidden)
        }
    }

    @Test("the reconciler reports each kind of difference")
    func reconciler() {
        let ours = [
            StatementLine(outTradeNo: "A", channelTradeNo: "", kind: .payment, amount: Money(fen: 100)),
            StatementLine(outTradeNo: "B", channelTradeNo: "", kind: .payment, amount: Money(fen: 200)),
            StatementLine(outTradeNo: "A", channelTradeNo: "", kind: .refund, amount: Money(fen: 50), refundNo: "R1"),
        ]
        let theirs = [
            StatementLine(outTradeNo: "A", channelTradeNo: "x", kind: .payment, amount: Money(fen: 100)),
            StatementLine(outTradeNo: "B", channelTradeNo: "y", kind: .payment, amount: Money(fen: 210)),
            StatementLine(outTradeNo: "C", channelTradeNo: "z", kind: .payment, amount: Money(fen: 300)),
        ]

        let differences = Reconciler.compare(statement: theirs, ours: ours)

        #expect(
            differences == [
                .init(
                    kind: .amountDiffers, outTradeNo: "B", reference: nil, ours: Money(fen: 200),
                    theirs: Money(fen: 210)),
                .init(kind: .missingOurs, outTradeNo: "C", reference: nil, ours: nil, theirs: Money(fen: 300)),
                .init(kind: .missingTheirs, outTradeNo: "A", reference: "R1", ours: Money(fen: 50), theirs: nil),
            ])
    }
}
