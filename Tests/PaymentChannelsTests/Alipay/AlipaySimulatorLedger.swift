import Foundation
import Kernel

@testable import PaymentChannels

/// The simulated Alipay's books: trades and what each API method does to them. Every method
/// returns the fields of the response object, successful or not, as Alipay words them.
struct AlipaySimulatorLedger: Sendable {
    /// Trades by our trade number.
    var trades: [String: AlipaySimulatedTrade] = [:]
    /// When true, new refunds answer `fund_change` N and stay unsettled until `settleRefunds()`.
    var holdRefunds = false
    private var sequence = 0

    /// A business failure (code 40004) with its `sub_code`.
    static func failure(_ subCode: String, _ message: String) -> [String: String] {
        ["code": "40004", "msg": "Business Failed", "sub_code": subCode, "sub_msg": message]
    }

    static let success = ["code": "10000", "msg": "Success"]

    /// `alipay.trade.precreate`.
    mutating func precreate(_ biz: [String: String], notifyURL: String?, now: Date) -> [String: String] {
        guard let outTradeNo = biz["out_trade_no"], !outTradeNo.isEmpty, let subject = biz["subject"], !subject.isEmpty,
            let amount = biz["total_amount"].flatMap({ try? Money(parsing: $0) }), amount.fen > 0
        else {
            return Self.failure("ACQ.INVALID_PARAMETER", "参数无效")
        }
        let expiresAt = biz["time_expire"].flatMap { ShanghaiTime.date($0) }
        if let trade = trades[outTradeNo] {
            switch trade.status {
            case .success: return Self.failure("ACQ.TRADE_HAS_SUCCESS", "交易已被支付")
            case .closed: return Self.failure("ACQ.TRADE_HAS_CLOSE", "交易已经关闭")
            case .precreated, .waitBuyerPay:
                guard trade.amount == amount, trade.subject == subject, !trade.barred else {
                    return Self.failure("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改")
                }
                return Self.success.merging(["out_trade_no": outTradeNo, "qr_code": trade.qrCode]) { $1 }
            }
        }
        sequence += 1
        let digits = ShanghaiTime.text(now).filter(\.isNumber).prefix(8)
        let tradeNo = digits + "22001" + String(format: "%015d", sequence)
        let qrCode = "https://qr.alipay.com/bax0\(String(format: "%08x", sequence))sim"
        trades[outTradeNo] = AlipaySimulatedTrade(
            outTradeNo: outTradeNo, tradeNo: String(tradeNo), amount: amount, subject: subject, createdAt: now,
            expiresAt: expiresAt, notifyURL: notifyURL, qrCode: qrCode)
        return Self.success.merging(["out_trade_no": outTradeNo, "qr_code": qrCode]) { $1 }
    }

    /// `alipay.trade.query`.
    func query(_ biz: [String: String]) -> [String: String] {
        guard let trade = biz["out_trade_no"].flatMap({ trades[$0] }), trade.status != .precreated else {
            return Self.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        }
        var fields = Self.success.merging(
            [
                "out_trade_no": trade.outTradeNo, "trade_no": trade.tradeNo, "trade_status": trade.status.rawValue,
                "total_amount": trade.amount.decimalText, "buyer_logon_id": "138******00",
            ]) { $1 }
        if let paidAt = trade.paidAt { fields["send_pay_date"] = ShanghaiTime.text(paidAt) }
        return fields
    }

    /// `alipay.trade.close`.
    mutating func close(_ biz: [String: String]) -> [String: String] {
        guard let outTradeNo = biz["out_trade_no"], var trade = trades[outTradeNo] else {
            return Self.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        }
        switch trade.status {
        case .precreated:
            trade.barred = true
            trades[outTradeNo] = trade
            return Self.failure("ACQ.TRADE_NOT_EXIST", "交易不存在")
        case .waitBuyerPay:
            trade.status = .closed
            trades[outTradeNo] = trade
            return Self.success.merging(["out_trade_no": outTradeNo, "trade_no": trade.tradeNo]) { $1 }
        case .success, .closed:
            return Self.failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法")
        }
    }

    /// The payer scans the QR: Alipay creates the trade, waiting for payment.
    mutating func scan(_ outTradeNo: String, now: Date) throws(AlipaySimulatorRefusal) {
        guard var trade = trades[outTradeNo] else { throw AlipaySimulatorRefusal("二维码无效") }
        guard !trade.barred else { throw AlipaySimulatorRefusal("本笔交易已关闭，请收银员重新收款") }
        if let expiresAt = trade.expiresAt, now > expiresAt { throw AlipaySimulatorRefusal("二维码已过期") }
        guard trade.status == .precreated || trade.status == .waitBuyerPay else {
            throw AlipaySimulatorRefusal("交易状态为 \(trade.status.rawValue)，不能支付")
        }
        trade.status = .waitBuyerPay
        trades[outTradeNo] = trade
    }

    /// The payer confirms: the trade is paid now.
    mutating func pay(_ outTradeNo: String, now: Date) throws(AlipaySimulatorRefusal) -> AlipaySimulatedTrade {
        try scan(outTradeNo, now: now)
        guard var trade = trades[outTradeNo] else { throw AlipaySimulatorRefusal("二维码无效") }
        trade.status = .success
        trade.paidAt = now
        trades[outTradeNo] = trade
        return trade
    }

    /// Lets every held refund move its money.
    mutating func settleRefunds() {
        for (key, var trade) in trades {
            for index in trade.refunds.indices { trade.refunds[index].refund.settled = true }
            trades[key] = trade
        }
    }

    mutating func nextNotifyID() -> String {
        sequence += 1
        return String(format: "sim%029d", sequence)
    }
}

/// The simulated payer's app refusing to pay, with the words it shows.
struct AlipaySimulatorRefusal: Error, Equatable {
    /// What the payer sees.
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
