/// Check characters of ISO/IEC 7064 (GB/T 17710): the hybrid systems MOD 37,36 (GB/T 36903) and MOD 11,10.
public enum ISO7064 {
    /// The 36 characters MOD 37,36 works on, in value order: digits, then capital letters.
    static let alphanumeric = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// The MOD 37,36 check character for `text`, or nil when `text` holds a character outside 0–9, A–Z.
    ///
    /// Hybrid system with M = 36: P starts at M; for each character S = (P + value) mod M, read as M
    /// when zero, then P = 2S mod (M + 1). The check character makes the next S equal 1.
    public static func mod37_36(_ text: some StringProtocol) -> Character? {
        let modulus = 36
        var product = modulus
        for byte in text.utf8 {
            guard let value = value(of: byte) else { return nil }
            var sum = (product + value) % modulus
            if sum == 0 { sum = modulus }
            product = (sum * 2) % (modulus + 1)
        }
        return Character(UnicodeScalar(alphanumeric[(modulus + 1 - product) % modulus]))
    }

    /// The MOD 11,10 check digit for `digits` (the hybrid system with M = 10, used by 20-digit
    /// payment codes), or nil when `digits` holds anything but 0–9.
    public static func mod11_10(_ digits: some StringProtocol) -> Character? {
        let modulus = 10
        var product = modulus
        for byte in digits.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            var sum = (product + Int(byte - UInt8(ascii: "0"))) % modulus
            if sum == 0 { sum = modulus }
            product = (sum * 2) % (modulus + 1)
        }
        return Character(UnicodeScalar(UInt8(ascii: "0") + UInt8((modulus + 1 - product) % modulus)))
    }

    /// The value of a digit or capital letter, 0–35; nil for any other byte.
    static func value(of byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
