import Kernel
import PaymentChannels

/// Matches a statement against our records: payments by trade number, refunds by refund number.
enum Reconciler {
    /// One difference found.
    struct Difference: Equatable {
        var kind: ReconciliationMismatch.Kind
        var outTradeNo: String
        var reference: String?
        var ours: Money?
        var theirs: Money?
    }

    /// Every line on one side without its match on the other, and every pair whose amounts differ.
    /// A key listed twice on one side is summed, so a duplicated line shows as an amount difference.
    static func compare(statement: [StatementLine], ours: [StatementLine]) -> [Difference] {
        func key(_ line: StatementLine) -> String {
            line.kind == .payment ? "P:" + line.outTradeNo : "R:" + (line.refundNo ?? line.outTradeNo)
        }
        func totals(_ lines: [StatementLine]) -> [String: (line: StatementLine, fen: Int64)] {
            var result: [String: (line: StatementLine, fen: Int64)] = [:]
            for line in lines {
                let previous = result[key(line)]?.fen ?? 0
                result[key(line)] = (line, previous &+ line.amount.fen)
            }
            return result
        }
        let theirs = totals(statement)
        let mine = totals(ours)
        var differences: [Difference] = []
        for (key, entry) in theirs.sorted(by: { $0.key < $1.key }) {
            let reference = entry.line.kind == .refund ? entry.line.refundNo : nil
            if let own = mine[key] {
                if own.fen != entry.fen {
                    differences.append(
                        Difference(
                            kind: .amountDiffers, outTradeNo: entry.line.outTradeNo, reference: reference,
                            ours: Money(fen: own.fen), theirs: Money(fen: entry.fen)))
                }
            } else {
                differences.append(
                    Difference(
                        kind: .missingOurs, outTradeNo: entry.line.outTradeNo, reference: reference, ours: nil,
                        theirs: Money(fen: entry.fen)))
            }
        }
        for (key, own) in mine.sorted(by: { $0.key < $1.key }) where theirs[key] == nil {
            differences.append(
                Difference(
                    kind: .missingTheirs, outTradeNo: own.line.outTradeNo,
                    reference: own.line.kind == .refund ? own.line.refundNo : nil, ours: Money(fen: own.fen),
                    theirs: nil))
        }
        return differences
    }
}
