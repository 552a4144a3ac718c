public import Foundation
import Kernel

/// The default 20-digit payment code: `DDDDDD YY K NNNNNNNNNN C`.
///
/// - `DDDDDD` the payee's division code (GB/T 2260), so a code tells where it is payable;
/// - `YY` the year of issue (Asia/Shanghai);
/// - `K` the kind: 1 for a case's fees;
/// - `NNNNNNNNNN` ten random digits, so codes cannot be guessed from one another (anyone holding a
///   code may look the order up without logging in);
/// - `C` the ISO 7064 MOD 11,10 check digit over the first 19, which catches every single wrong digit.
public struct RegionalPaymentCode: PaymentCodeGenerator {
    /// The kind digit of a case fee.
    public static let caseFeeKind = "1"

    /// Creates the generator.
    public init() {}

    /// A new code.
    public func next(divisionCode: String, at now: Date) -> String {
        let division = divisionCode.count == 6 && divisionCode.allSatisfy(\.isASCIIDigit) ? divisionCode : "000000"
        let year = String(CalendarDay(now).year % 100)
        var serial = ""
        for _ in 0..<10 { serial.append(Character(String(Int.random(in: 0...9)))) }
        let body = division + (year.count == 1 ? "0" + year : year) + Self.caseFeeKind + serial
        return body + String(ISO7064.mod11_10(body) ?? "0")
    }

    /// Twenty ASCII digits whose last is the check digit of the others.
    public func isWellFormed(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 20, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return ISO7064.mod11_10(code.prefix(19)) == code.last
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
