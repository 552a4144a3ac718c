/// Bits appended most significant first, read back as codewords.
struct QRBitStream {
    private(set) var bits: [Bool] = []

    /// The number of bits so far.
    var count: Int { bits.count }

    /// Appends the low `width` bits of `value`.
    mutating func append(_ value: Int, width: Int) {
        for shift in stride(from: width - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    /// The bits as bytes; a last partial byte is filled with zeros.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (start..<start + 8).reduce(UInt8(0)) { $0 << 1 | ($1 < bits.count && bits[$1] ? 1 : 0) }
        }
    }
}
