public import Foundation
public import Identity

/// Who reads a payment order.
public enum PaymentReader: Sendable {
    /// The payer, through their account.
    case payer(accountID: UUID)
    /// Staff of the payee department with a payment or case permission.
    case staff(StaffActor)
    /// Anyone holding the order's payment code (缴款码), as on a paper notice.
    case code(String)
}
