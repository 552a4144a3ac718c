import Foundation
import Kernel
import PaymentChannels
import Synchronization

/// A channel whose answers the test sets: for domain rules (expiry, double payment, lost
/// notifications) that do not depend on a provider's protocol. The provider protocols themselves are
/// tested against their simulators in PaymentChannelsTests.
///
/// Its notifications are the JSON of `Notice` with no signature; a header `x-forged: 1` makes it
/// refuse one, standing for a signature that does not verify.
final class ScriptedChannel: PaymentChannel {
    let id = PaymentChannelID(rawValue: "scripted")
    private let state = Mutex(Script())

    struct Script {
        var statuses: [String: ChannelTradeStatus] = [:]
        var refunds: [ChannelRefundRequest] = []
        var closed: [String] = []
        var prepays = 0
    }

    struct Notice: Codable {
        var outTradeNo: String
        var tradeNo: String
        var amountFen: Int64
    }

    /// Sets what a query of `outTradeNo` answers.
    func setStatus(_ status: ChannelTradeStatus) {
        state.withLock { $0.statuses[status.outTradeNo] = status }
    }

    var refunds: [ChannelRefundRequest] { state.withLock { $0.refunds } }
    var closed: [String] { state.withLock { $0.closed } }
    var prepays: Int { state.withLock { $0.prepays } }

    /// A notification of payment of `amount` for `outTradeNo`.
    static func notification(_ outTradeNo: String, tradeNo: String, amount: Int64, forged: Bool = false)
        -> ChannelNotification
    {
        let body = try! JSONEncoder().encode(Notice(outTradeNo: outTradeNo, tradeNo: tradeNo, amountFen: amount))
        return ChannelNotification(headers: forged ? ["x-forged": "1"] : [:], body: body)
    }

    func prepay(_ request: PrepayRequest) async throws(PaymentChannelError) -> PrepayResult {
        state.withLock { $0.prepays += 1 }
        return PrepayResult(qrContent: "scripted://pay/\(request.outTradeNo)")
    }

    func query(outTradeNo: String) async throws(PaymentChannelError) -> ChannelTradeStatus {
        state.withLock { $0.statuses[outTradeNo] } ?? ChannelTradeStatus(outTradeNo: outTradeNo, state: .notPaid)
    }

    func close(outTradeNo: String) async throws(PaymentChannelError) {
        state.withLock { $0.closed.append(outTradeNo) }
    }

    func refund(_ request: ChannelRefundRequest) async throws(PaymentChannelError) -> ChannelRefundResult {
        state.withLock { $0.refunds.append(request) }
        return ChannelRefundResult(
            refundNo: request.refundNo, channelRefundNo: "R" + request.refundNo, state: .succeeded)
    }

    func notice(from notification: ChannelNotification) throws(PaymentChannelError) -> ChannelPaymentNotice {
        guard notification.headers["x-forged"] == nil else { throw .badSignature }
        guard let notice = try? JSONDecoder().decode(Notice.self, from: notification.body) else {
            throw .malformed("not a scripted notice")
        }
        return ChannelPaymentNotice(
            outTradeNo: notice.outTradeNo, channelTradeNo: notice.tradeNo, state: .paid,
            amount: Money(fen: notice.amountFen), paidAt: nil, notificationID: nil)
    }

    func acknowledgement(accepted: Bool) -> ChannelAcknowledgement {
        ChannelAcknowledgement(status: accepted ? 200 : 400, contentType: "text/plain", body: accepted ? "OK" : "FAIL")
    }

    func statement(of day: CalendarDay) async throws(PaymentChannelError) -> Data {
        throw .unsupported("scripted")
    }

    func statementLines(_ file: Data) throws(PaymentChannelError) -> [StatementLine] {
        throw .unsupported("scripted")
    }
}
