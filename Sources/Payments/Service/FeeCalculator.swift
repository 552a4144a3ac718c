import CatalogModel
import Kernel

/// Computes an order's lines from an item's fee standards and the reductions asked for.
enum FeeCalculator {
    /// One line per fee with a standard above zero; each reduction must name a fee of the item and
    /// one of the bases the guide declares for it, at most one per fee.
    static func lines(fees: [Fee], reductions: [FeeReduction]) throws -> [FeeLine] {
        var byFee: [String: FeeReduction] = [:]
        for reduction in reductions {
            guard let fee = fees.first(where: { $0.name == reduction.fee }) else {
                throw PaymentService.invalid(
                    "unknown-fee", "减免的收费项目不存在", "该事项没有名为“\(reduction.fee)”的收费项目。")
            }
            guard fee.reductions.contains(reduction.basis) else {
                let declared =
                    fee.reductions.isEmpty ? "该收费项目没有减免政策" : "可用的减免政策：" + fee.reductions.joined(separator: "；")
                throw PaymentService.invalid(
                    "unknown-reduction", "减免依据不符", "“\(reduction.basis)”不是“\(fee.name)”的减免政策。\(declared)。")
            }
            guard byFee.updateValue(reduction, forKey: fee.name) == nil else {
                throw PaymentService.invalid("duplicate-reduction", "减免重复", "“\(fee.name)”只能适用一项减免。")
            }
        }
        return fees.filter { $0.amountFen > 0 }.map { fee in
            let standard = Money(fen: Int64(fee.amountFen))
            let reduction = byFee[fee.name]
            let amount: Money =
                switch reduction?.mode {
                case .exempt: .zero
                case .half: Money(fen: standard.fen / 2)
                case nil: standard
                }
            return FeeLine(name: fee.name, standard: standard, reduction: reduction, amount: amount)
        }
    }
}
