/// One run of the data stream in a single mode (ISO/IEC 18004 §7.4).
enum QRSegment: Equatable {
    /// An Extended Channel Interpretation: how a decoder should read the bytes that follow.
    case eci(Int)
    /// Characters of the 45-character alphanumeric set, two in 11 bits; the bytes are their ASCII codes.
    case alphanumeric([UInt8])
    /// Bytes as they are, eight bits each.
    case byte([UInt8])

    /// ECI assignment number of UTF-8 (AIM ECI specification).
    static let utf8Assignment = 26

    /// The alphanumeric set in code order: 0–9, A–Z, space, $ % * + - . / :
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// The alphanumeric value of each ASCII code, or −1 where the character is not in the set.
    private static let values: [Int] = {
        var table = [Int](repeating: -1, count: 128)
        for (value, code) in alphabet.enumerated() { table[Int(code)] = value }
        return table
    }()

    /// Whether every byte is the ASCII code of an alphanumeric-mode character.
    static func isAlphanumeric(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 < 128 && values[Int($0)] >= 0 }
    }

    /// The segments for `text`: alphanumeric when every character allows it; otherwise bytes, led by
    /// the UTF-8 ECI when any byte is outside ASCII, because decoders guess a legacy character set
    /// for bare bytes (zbar reads "é" as Shift JIS).
    static func segments(for utf8: [UInt8]) -> [QRSegment] {
        if !utf8.isEmpty && isAlphanumeric(utf8) { return [.alphanumeric(utf8)] }
        if utf8.contains(where: { $0 >= 0x80 }) { return [.eci(utf8Assignment), .byte(utf8)] }
        return [.byte(utf8)]
    }

    /// The mode indicator.
    private var mode: Int {
        switch self {
        case .eci: 0b0111
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// The width of the character count, which grows with the version (table 3).
    private func countWidth(version: Int) -> Int {
        switch self {
        case .eci: 0
        case .alphanumeric: version < 10 ? 9 : version < 27 ? 11 : 13
        case .byte: version < 10 ? 8 : 16
        }
    }

    /// The bits this segment takes at `version`, header included.
    func bitLength(version: Int) -> Int {
        switch self {
        case .eci(let number): 4 + (number < 128 ? 8 : number < 16384 ? 16 : 24)
        case .alphanumeric(let characters):
            4 + countWidth(version: version) + 11 * (characters.count / 2)
                + 6 * (characters.count % 2)
        case .byte(let bytes): 4 + countWidth(version: version) + 8 * bytes.count
        }
    }

    /// Appends the mode indicator, the count and the data.
    func append(to stream: inout QRBitStream, version: Int) {
        stream.append(mode, width: 4)
        switch self {
        case .eci(let number):
            if number < 128 {
                stream.append(number, width: 8)
            } else if number < 16384 {
                stream.append(0b10 << 14 | number, width: 16)
            } else {
                stream.append(0b110 << 21 | number, width: 24)
            }
        case .alphanumeric(let characters):
            stream.append(characters.count, width: countWidth(version: version))
            var index = 0
            while index + 1 < characters.count {
                let pair = Self.values[Int(characters[index])] * 45 + Self.values[Int(characters[index + 1])]
                stream.append(pair, width: 11)
                index += 2
            }
            if index < characters.count { stream.append(Self.values[Int(characters[index])], width: 6) }
        case .byte(let bytes):
            stream.append(bytes.count, width: countWidth(version: version))
            for byte in bytes { stream.append(Int(byte), width: 8) }
        }
    }
}
