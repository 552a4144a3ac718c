public import AsyncHTTPClient
import Foundation
public import Kernel

/// Alipay 当面付 scan-to-pay (`alipay.trade.precreate`) as a `PaymentChannel`.
///
/// Alipay creates a precreated trade only when the payer scans its QR: before that, query and
/// close answer `ACQ.TRADE_NOT_EXIST`. Query reports that as `.unknown`; close takes it as done,
/// since Alipay then refuses the QR when it is scanned later.
public struct AlipayChannel: PaymentChannel {
    /// Always `.alipay`.
    public let id = PaymentChannelID.alipay
    /// The configuration this channel signs and verifies with.
    public let configuration: AlipayConfiguration
    let gateway: AlipayGateway

    /// Creates the channel; `httpClient` is shared and owned by the caller, `clock` dates requests
    /// and judges the age of notifications.
    public init(configuration: AlipayConfiguration, httpClient: HTTPClient, clock: any Clock) {
        self.configuration = configuration
        self.gateway = AlipayGateway(configuration: configuration, client: httpClient, clock: clock)
    }

    /// Opens the trade with `alipay.trade.precreate` and returns its `qr_code`.
    public func prepay(_ request: PrepayRequest) async throws(PaymentChannelError) -> PrepayResult {
        guard (1...10_000_000_000).contains(request.amount.fen) else {
            throw .malformed("支付宝单笔金额应在 0.01 元到 1 亿元之间，收到 \(request.amount.decimalText) 元。")
        }
        guard request.expiresAt > gateway.clock.now() else { throw .malformed("缴款截止时间已过，不能再下单。") }
        let notifyURL = configuration.notifyURL ?? request.notifyURL
        do {
            try AlipayConfiguration.checkNotifyURL(notifyURL)
        } catch {
            throw .malformed(error.detail)
        }
        let subject = String(request.description.prefix(256))
        let reply = try await gateway.call(
            "alipay.trade.precreate",
            biz: [
                "out_trade_no": request.outTradeNo, "total_amount": request.amount.decimalText,
                "subject": subject.isEmpty ? "非税缴款" : subject, "product_code": "FACE_TO_FACE_PAYMENT",
                "time_expire": ShanghaiTime.text(request.expiresAt),
            ],
            notifyURL: notifyURL.absoluteString)
        guard reply.isSuccess else {
            switch reply.subCode {
            // Paid, closed, or opened with other content: the number is taken either way.
            case "ACQ.TRADE_HAS_SUCCESS", "ACQ.TRADE_HAS_CLOSE", "ACQ.CONTEXT_INCONSISTENT": throw .alreadyExists
            default: throw reply.failure
            }
        }
        try Self.check(reply, outTradeNo: request.outTradeNo)
        return PrepayResult(qrContent: try reply.required("qr_code"))
    }

    /// Closes an unpaid trade with `alipay.trade.close`; closing twice is not an error.
    public func close(outTradeNo: String) async throws(PaymentChannelError) {
        let reply = try await gateway.call("alipay.trade.close", biz: ["out_trade_no": outTradeNo])
        guard !reply.isSuccess else { return }
        switch reply.subCode {
        case "ACQ.TRADE_NOT_EXIST":
            // Precreated but never scanned: Alipay has no trade yet and bars the QR from now on.
            return
        case "ACQ.TRADE_STATUS_ERROR":
            // Only a waiting trade can be closed; one already closed is what the caller wants.
            if try await query(outTradeNo: outTradeNo).state == .closed { return }
            throw reply.failure
        default:
            throw reply.failure
        }
    }

    /// Refuses an answer about another trade than the one asked for.
    static func check(_ reply: AlipayReply, outTradeNo: String) throws(PaymentChannelError) {
        if let echoed = reply.fields["out_trade_no"], echoed != outTradeNo {
            throw .malformed("支付宝应答的商户订单号 \(echoed) 与请求的 \(outTradeNo) 不符。")
        }
    }

    /// A yuan amount Alipay sent, such as `88.88`.
    static func money(_ reply: AlipayReply, _ field: String) throws(PaymentChannelError) -> Money {
        let text = try reply.required(field)
        do {
            return try Money(parsing: text)
        } catch {
            throw .malformed("支付宝应答的 \(field)“\(text)”不是有效的金额。")
        }
    }
}
