public import Foundation

/// Makes and checks payment codes (缴款码). Pluggable, because a province's non-tax system may
/// assign codes in its own format; the default is `RegionalPaymentCode`.
public protocol PaymentCodeGenerator: Sendable {
    /// A new code for an order of the payee in division `divisionCode`, issued at `now`.
    func next(divisionCode: String, at now: Date) -> String
    /// Whether `code` is well formed (its check digit included); used before any lookup.
    func isWellFormed(_ code: String) -> Bool
}
