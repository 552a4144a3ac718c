public import Foundation
public import Kernel

/// A payment provider as the Payments domain sees it: the adapter turns these calls into the
/// provider's own protocol (signed HTTP for WeChat Pay and Alipay, nothing at all for the counter).
///
/// Every method may be called again after a crash or a timeout, so each must be safe to repeat:
/// a second prepay of the same `outTradeNo` returns the same QR content or a provider error that
/// the adapter maps to `PaymentChannelError.alreadyExists`, and a second refund of the same
/// `refundNo` is the same refund.
public protocol PaymentChannel: Sendable {
    /// The channel's stable identifier, stored with every order and refund.
    var id: PaymentChannelID { get }

    /// Opens a scan-to-pay trade and returns what the payer's phone scans.
    func prepay(_ request: PrepayRequest) async throws(PaymentChannelError) -> PrepayResult

    /// Asks the provider where a trade stands; the query job uses it when no notification arrived.
    func query(outTradeNo: String) async throws(PaymentChannelError) -> ChannelTradeStatus

    /// Closes an unpaid trade, so it can no longer be paid.
    func close(outTradeNo: String) async throws(PaymentChannelError)

    /// Starts a refund of all or part of a paid trade.
    func refund(_ request: ChannelRefundRequest) async throws(PaymentChannelError) -> ChannelRefundResult

    /// Verifies a notification's signature (and decrypts it where the provider encrypts) and reads it.
    /// A forged, tampered or stale notification throws `PaymentChannelError.badSignature` or
    /// `.malformed`; nothing in it may be trusted before this returns.
    func notice(from notification: ChannelNotification) throws(PaymentChannelError) -> ChannelPaymentNotice

    /// The HTTP answer the provider expects after a notification was (or was not) accepted.
    func acknowledgement(accepted: Bool) -> ChannelAcknowledgement

    /// Downloads the provider's statement (对账单) of one calendar day (Asia/Shanghai) as the raw file.
    func statement(of day: CalendarDay) async throws(PaymentChannelError) -> Data

    /// Reads a statement file in the provider's own format.
    func statementLines(_ file: Data) throws(PaymentChannelError) -> [StatementLine]
}
