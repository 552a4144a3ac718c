/// Base45 (RFC 9285): bytes as text in the 45 characters a QR code's alphanumeric mode packs at 5.5 bits each.
///
/// Signed codes (docs/signed-codes.md) use it as the EU digital COVID certificate does: two bytes become
/// three characters, so the text stays small inside a QR code.
public enum Base45 {
    /// Why a text is not Base45.
    public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The character at `offset` (counted in UTF-8 bytes) is not one of the 45 (lowercase letters included).
        case invalidCharacter(offset: Int)
        /// The text ends with one lone character; groups are three characters, or two at the very end.
        case danglingCharacter
        /// The group starting at `offset` is worth more than its bytes can hold: over 65535 for three
        /// characters, over 255 for a final pair (RFC 9285 §6 requires rejecting both).
        case valueOutOfRange(offset: Int)

        /// A sentence for logs and developers.
        public var description: String {
            switch self {
            case .invalidCharacter(let offset): "character at byte \(offset) is outside the Base45 alphabet"
            case .danglingCharacter: "a single character is left over at the end"
            case .valueOutOfRange(let offset): "the group at byte \(offset) decodes to more than its bytes can hold"
            }
        }
    }

    /// The alphabet of RFC 9285 Table 1, in value order.
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// The value of each ASCII byte in the alphabet; -1 for bytes outside it.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    /// `bytes` as Base45 text.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2 * 3 + 2)
        var index = 0
        while index + 1 < input.count {
            var value = Int(input[index]) << 8 | Int(input[index + 1])
            for _ in 0..<3 {
                output.append(alphabet[value % 45])
                value /= 45
            }
            index += 2
        }
        if index < input.count {
            let value = Int(input[index])
            output.append(alphabet[value % 45])
            output.append(alphabet[value / 45])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of Base45 `text`; throws for anything RFC 9285 does not produce.
    public static func decode(_ text: some StringProtocol) throws(DecodingError) -> [UInt8] {
        let input = Array(text.utf8)
        // Check every character first, so the error names the first bad one wherever it is.
        var digits: [Int] = []
        digits.reserveCapacity(input.count)
        for (offset, byte) in input.enumerated() {
            let value = values[Int(byte)]
            guard value >= 0 else { throw .invalidCharacter(offset: offset) }
            digits.append(Int(value))
        }
        guard digits.count % 3 != 1 else { throw .danglingCharacter }
        var output: [UInt8] = []
        output.reserveCapacity(digits.count / 3 * 2 + 1)
        var index = 0
        while index + 2 < digits.count {
            let value = digits[index] + digits[index + 1] * 45 + digits[index + 2] * 45 * 45
            guard value <= 0xFFFF else { throw .valueOutOfRange(offset: index) }
            output.append(UInt8(value >> 8))
            output.append(UInt8(value & 0xFF))
            index += 3
        }
        if index < digits.count {
            let value = digits[index] + digits[index + 1] * 45
            guard value <= 0xFF else { throw .valueOutOfRange(offset: index) }
            output.append(UInt8(value))
        }
        return output
    }
}
