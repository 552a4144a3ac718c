public import AsyncHTTPClient
import Foundation
public import Kernel
import NIOCore

/// WeChat Pay APIv3 Native (扫码支付) for one direct merchant: the payer scans `code_url`, WeChat
/// Pay posts a signed, encrypted notification, and the bill of each day is downloaded for 对账.
///
/// Every answer and notification is verified with the WeChat Pay public key before it is read.
public struct WeChatPayChannel: PaymentChannel {
    /// Always `.wechat`.
    public let id = PaymentChannelID.wechat
    /// The merchant's settings.
    public let configuration: WeChatPayConfiguration

    let transport: WeChatPayTransport
    let verifier: WeChatPayVerifier
    let cipher: WeChatPayResourceCipher
    /// The largest bill file downloaded.
    let statementLimit: Int

    /// Creates the channel; `clock` stamps requests and judges the freshness of notifications.
    public init(
        configuration: WeChatPayConfiguration, httpClient: HTTPClient, clock: any Clock = SystemClock(),
        timeoutSeconds: Int64 = 10, statementLimit: Int = 64 * 1024 * 1024
    ) {
        let verifier = WeChatPayVerifier(
            publicKeyID: configuration.platformPublicKeyID, key: configuration.platformKey,
            freshness: configuration.noticeFreshness, clock: clock)
        self.configuration = configuration
        self.verifier = verifier
        self.cipher = WeChatPayResourceCipher(key: configuration.apiV3Key)
        self.statementLimit = statementLimit
        self.transport = WeChatPayTransport(
            configuration: configuration, client: httpClient, clock: clock, timeout: .seconds(timeoutSeconds),
            signer: WeChatPaySigner(
                merchantID: configuration.merchantID, serialNumber: configuration.merchantSerialNumber,
                key: configuration.merchantKey),
            verifier: verifier)
    }

    /// Opens a Native trade and returns its `code_url`.
    public func prepay(_ request: PrepayRequest) async throws(PaymentChannelError) -> PrepayResult {
        try Self.check(outTradeNo: request.outTradeNo)
        guard request.amount.fen > 0 else { throw .malformed("支付金额必须大于零") }
        let body = WeChatPayWire.NativePrepay(
            appid: configuration.appID, mchid: configuration.merchantID,
            description: Self.truncated(request.description, bytes: 127), outTradeNo: request.outTradeNo,
            timeExpire: WeChatPayTime.rfc3339(request.expiresAt), notifyUrl: request.notifyURL.absoluteString,
            amount: .init(total: request.amount.fen, currency: "CNY"))
        let answer = try await transport.send(.post, "/v3/pay/transactions/native", body: WeChatPayWire.encode(body))
        guard answer.status == 200 else {
            throw WeChatPayTransport.failure(answer, duplicates: ["OUT_TRADE_NO_USED", "ORDER_PAID", "ORDERPAID"])
        }
        guard let prepay = WeChatPayWire.decode(WeChatPayWire.NativePrepayAnswer.self, from: answer.body),
            !prepay.codeUrl.isEmpty
        else { throw .malformed("下单应答缺少 code_url") }
        return PrepayResult(qrContent: prepay.codeUrl)
    }

    /// Queries a trade by our trade number.
    public func query(outTradeNo: String) async throws(PaymentChannelError) -> ChannelTradeStatus {
        try Self.check(outTradeNo: outTradeNo)
        let answer = try await transport.send(
            .get, "/v3/pay/transactions/out-trade-no/\(outTradeNo)?mchid=\(configuration.merchantID)")
        if answer.status == 404,
            WeChatPayWire.decode(WeChatPayWire.Failure.self, from: answer.body)?.code
                == "ORDER_NOT_EXIST"
        {
            return ChannelTradeStatus(outTradeNo: outTradeNo, state: .unknown)
        }
        guard answer.status == 200 else { throw WeChatPayTransport.failure(answer) }
        guard let trade = WeChatPayWire.decode(WeChatPayWire.Transaction.self, from: answer.body),
            trade.outTradeNo == outTradeNo
        else { throw .malformed("查单应答无法解析或订单号不符") }
        let state = try Self.state(of: trade.tradeState)
        guard state == .paid || state == .refunded else {
            return ChannelTradeStatus(outTradeNo: outTradeNo, state: state)
        }
        let total = trade.amount?.total.map { Money(fen: $0) }
        return ChannelTradeStatus(
            outTradeNo: outTradeNo, state: state, channelTradeNo: trade.transactionId, amount: total,
            paidAt: trade.successTime.flatMap(WeChatPayTime.parseRFC3339))
    }

    /// Closes an unpaid trade; closing a closed trade succeeds again.
    public func close(outTradeNo: String) async throws(PaymentChannelError) {
        try Self.check(outTradeNo: outTradeNo)
        let answer = try await transport.send(
            .post, "/v3/pay/transactions/out-trade-no/\(outTradeNo)/close",
            body: WeChatPayWire.encode(WeChatPayWire.Close(mchid: configuration.merchantID)))
        guard answer.status == 204 || answer.status == 200 else { throw WeChatPayTransport.failure(answer) }
    }

    /// Asks for a refund; repeating the same `refundNo` repeats the same refund at WeChat Pay.
    public func refund(_ request: ChannelRefundRequest) async throws(PaymentChannelError) -> ChannelRefundResult {
        try Self.check(outTradeNo: request.outTradeNo)
        try Self.check(refundNo: request.refundNo)
        guard request.amount.fen > 0, request.amount <= request.total else {
            throw .malformed("退款金额必须大于零且不超过订单金额")
        }
        let body = WeChatPayWire.Refund(
            outTradeNo: request.outTradeNo, outRefundNo: request.refundNo,
            reason: String(request.reason.prefix(80)),
            amount: .init(refund: request.amount.fen, total: request.total.fen, currency: "CNY"))
        let answer = try await transport.send(.post, "/v3/refund/domestic/refunds", body: WeChatPayWire.encode(body))
        guard answer.status == 200 else { throw WeChatPayTransport.failure(answer) }
        guard let refund = WeChatPayWire.decode(WeChatPayWire.RefundAnswer.self, from: answer.body),
            refund.outRefundNo == request.refundNo
        else { throw .malformed("退款应答无法解析或退款单号不符") }
        let state: ChannelRefundResult.State
        switch refund.status {
        case "SUCCESS": state = .succeeded
        case "PROCESSING": state = .processing
        case "ABNORMAL", "CLOSED": state = .failed
        default: throw .malformed("未知的退款状态“\(refund.status.prefix(32))”")
        }
        return ChannelRefundResult(refundNo: request.refundNo, channelRefundNo: refund.refundId, state: state)
    }

    /// WeChat's `trade_state` in the neutral form.
    static func state(of tradeState: String) throws(PaymentChannelError) -> ChannelTradeStatus.State {
        switch tradeState {
        case "SUCCESS": .paid
        // PAYERROR is only for 付款码支付; a Native payer may scan again until the trade expires.
        case "NOTPAY", "USERPAYING", "PAYERROR": .notPaid
        case "CLOSED", "REVOKED": .closed
        case "REFUND": .refunded
        default: throw .malformed("未知的交易状态“\(tradeState.prefix(32))”")
        }
    }

    /// Trade numbers go into URL paths, so only WeChat's own alphabet (digits, letters, `_-*`) passes.
    static func check(outTradeNo: String) throws(PaymentChannelError) {
        guard isNumber(outTradeNo, extra: "_-*") else {
            throw .malformed("商户订单号“\(outTradeNo.prefix(40))”应为 6 到 32 位字母、数字或 _-*")
        }
    }

    /// Refund numbers travel in the body; WeChat allows `_-|*@` besides digits and letters.
    static func check(refundNo: String) throws(PaymentChannelError) {
        guard isNumber(refundNo, extra: "_-|*@") else {
            throw .malformed("商户退款单号“\(refundNo.prefix(40))”应为 6 到 32 位字母、数字或 _-|*@")
        }
    }

    private static func isNumber(_ text: String, extra: String) -> Bool {
        (6...32).contains(text.count)
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || extra.unicodeScalars.contains($0))
            }
    }

    /// `text` cut at a character boundary to at most `bytes` UTF-8 bytes.
    static func truncated(_ text: String, bytes limit: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            count += character.utf8.count
            guard count <= limit else { break }
            result.append(character)
        }
        return result
    }
}
