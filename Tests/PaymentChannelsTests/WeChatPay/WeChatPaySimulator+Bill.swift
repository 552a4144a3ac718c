import Crypto
import Foundation
import Hummingbird
import Kernel
import NIOCore

/// The daily trade bill (交易账单): `GET /v3/bill/tradebill` announces a download URL and the
/// file's SHA1; the file itself comes unsigned, as WeChat Pay serves it.
extension WeChatPaySimulator {
    static let billHeader =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
        + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"
    static let billSummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"

    func tradeBill(date: String, type: String) -> Answer {
        guard type == "ALL", let day = try? CalendarDay(parsing: date) else {
            return (.badRequest, Wire.failure("PARAM_ERROR", "参数错误"))
        }
        return ledger.withLock { ledger -> Answer in
            guard var file = Self.billFile(of: day, ledger) else {
                return (.badRequest, Wire.failure("NO_STATEMENT_EXIST", "账单文件不存在"))
            }
            let hash = Insecure.SHA1.hash(data: file).map { String(format: "%02x", $0) }.joined()
            if ledger.corruptNextBill, let last = file.indices.last {
                file[last] ^= 0x01
                ledger.corruptNextBill = false
            }
            let token = ledger.nextNumber("T")
            ledger.bills[token] = file
            return (
                .ok,
                Wire.encode([
                    "hash_type": "SHA1", "hash_value": hash,
                    "download_url": baseURL + "/v3/billdownload/file?token=" + token,
                ])
            )
        }
    }

    func download(_ request: Request) async throws -> Response {
        guard try await verifiedBody(request) != nil else {
            return try response(.unauthorized, Wire.failure("SIGN_ERROR", "签名错误"))
        }
        let token = request.uri.queryParameters.get("token") ?? ""
        guard let file = ledger.withLock({ $0.bills[token] }) else {
            return try response(.notFound, Wire.failure("RESOURCE_NOT_EXISTS", "账单不存在"))
        }
        return Response(
            status: .ok, headers: [.contentType: "application/octet-stream"],
            body: .init(byteBuffer: ByteBuffer(bytes: file)))
    }

    /// The ALL bill of `day`: payments paid and refunds made that day, Beijing time.
    static func billFile(of day: CalendarDay, _ ledger: WeChatPaySimulatorLedger) -> [UInt8]? {
        var rows: [[String]] = []
        var settled: Int64 = 0
        var refunded: Int64 = 0
        var fees: Int64 = 0
        let paid = ledger.trades.values.filter { $0.paidAt.map { CalendarDay($0) == day } ?? false }
        for trade in paid.sorted(by: { ($0.paidAt!, $0.outTradeNo) < ($1.paidAt!, $1.outTradeNo) }) {
            let fee = (trade.total * 6 + 500) / 1000
            settled += trade.total
            fees += fee
            rows.append(
                Self.row(
                    trade, time: trade.paidAt!, state: "SUCCESS", settled: trade.total, refundID: "0", refundNo: "0",
                    refund: 0, refundType: "", refundState: "", fee: fee))
        }
        for refund in ledger.refunds where CalendarDay(refund.createdAt) == day {
            guard let trade = ledger.trades[refund.outTradeNo] else { continue }
            refunded += refund.amount
            rows.append(
                Self.row(
                    trade, time: refund.createdAt, state: "REFUND", settled: 0, refundID: refund.refundID,
                    refundNo: refund.outRefundNo, refund: refund.amount, refundType: "ORIGINAL",
                    refundState: refund.status, fee: 0))
        }
        guard !rows.isEmpty else { return nil }
        let summary = [
            String(rows.count), yuan(settled), yuan(refunded), "0.00", yuan(fees), yuan(settled), yuan(refunded),
        ]
        let lines = [billHeader] + rows.map(backticked) + [billSummaryHeader, backticked(summary)]
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private static func row(
        _ trade: WeChatPaySimulatorLedger.Trade, time: Date, state: String, settled: Int64, refundID: String,
        refundNo: String, refund: Int64, refundType: String, refundState: String, fee: Int64
    ) -> [String] {
        [
            Wire.billTime(time), appID, merchantID, "0", "", trade.transactionID ?? "", trade.outTradeNo,
            "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "NATIVE", state, "OTHERS", "CNY", yuan(settled), "0.00", refundID,
            refundNo, yuan(refund), "0.00", refundType, refundState, trade.description, "",
            state == "REFUND" ? "-" + yuan(fee) : yuan(fee), "0.60%", state == "REFUND" ? "0.00" : yuan(trade.total),
            yuan(refund), "",
        ]
    }

    private static func backticked(_ fields: [String]) -> String {
        fields.map { "`" + $0 }.joined(separator: ",")
    }

    private static func yuan(_ fen: Int64) -> String {
        Money(fen: fen).decimalText
    }
}
