import Foundation
import Kernel

/// What the simulated WeChat Pay remembers: trades in WeChat's own states, refunds, issued bill
/// files and every notification delivery attempt.
struct WeChatPaySimulatorLedger: Sendable {
    /// A Native trade.
    struct Trade: Sendable {
        var outTradeNo: String
        var description: String
        var total: Int64
        var notifyURL: String
        var expiresAt: Date
        var codeURL: String
        /// NOTPAY, SUCCESS, CLOSED or REFUND.
        var state: String
        var transactionID: String?
        var paidAt: Date?
        var refunded: Int64 = 0
    }

    /// A refund of a trade.
    struct Refund: Sendable {
        var outRefundNo: String
        var refundID: String
        var outTradeNo: String
        var amount: Int64
        var status: String
        var createdAt: Date
    }

    var trades: [String: Trade] = [:]
    /// Refunds in the order they were made.
    var refunds: [Refund] = []
    /// Bill files by download token.
    var bills: [String: [UInt8]] = [:]
    /// HTTP status of every notification attempt per trade (0 when the receiver was unreachable).
    var deliveries: [String: [Int]] = [:]
    /// The delivery runs per trade, so tests can wait for one to finish.
    var deliveryTasks: [String: Task<[Int], Never>] = [:]
    /// API requests received, signed or not.
    var requests = 0
    /// Sequence for WeChat-style numbers.
    var sequence = 0
    /// Status the next refunds get: SUCCESS unless a test asks for PROCESSING or ABNORMAL.
    var refundStatus = "SUCCESS"
    /// When set, the next bill file is damaged after its hash was announced.
    var corruptNextBill = false

    /// The next WeChat-style number with `prefix`, 28 digits long like real ones.
    mutating func nextNumber(_ prefix: String) -> String {
        sequence += 1
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, 28 - prefix.count - digits.count)) + digits
    }
}
