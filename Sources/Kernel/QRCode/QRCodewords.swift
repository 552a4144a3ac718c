/// The codeword sequence of a symbol: the data stream, padded, split into blocks, each block
/// followed by its Reed–Solomon codewords, and the blocks interleaved (ISO/IEC 18004 §7.4–7.6).
enum QRCodewords {
    /// The data bits the segments take at `version`.
    static func bitLength(_ segments: [QRSegment], version: Int) -> Int {
        segments.reduce(0) { $0 + $1.bitLength(version: version) }
    }

    /// Whether the segments fit `version` at `level`.
    static func fits(_ segments: [QRSegment], version: Int, level: QRErrorCorrection) -> Bool {
        bitLength(segments, version: version) <= 8 * QRCodeTables.layout(version, level).dataCodewords
    }

    /// The smallest version that holds the segments at `level`, if any does.
    static func smallestVersion(for segments: [QRSegment], level: QRErrorCorrection) -> Int? {
        (1...40).first { fits(segments, version: $0, level: level) }
    }

    /// Segments, terminator, zero bits to a byte boundary and the alternating pad codewords.
    static func data(_ segments: [QRSegment], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let capacity = QRCodeTables.layout(version, level).dataCodewords
        var stream = QRBitStream()
        for segment in segments { segment.append(to: &stream, version: version) }
        stream.append(0, width: min(4, 8 * capacity - stream.count))
        var codewords = stream.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data into blocks, adds each block's error-correction codewords and interleaves both.
    static func interleaved(data: [UInt8], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let layout = QRCodeTables.layout(version, level)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var offset = 0
        for length in layout.blockLengths {
            dataBlocks.append(data[offset..<offset + length])
            offset += length
        }
        let generator = ReedSolomon.generator(degree: layout.ec)
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, generator: generator) }
        var result: [UInt8] = []
        result.reserveCapacity(layout.totalCodewords)
        for index in 0...layout.shortData {
            for block in dataBlocks where index < block.count { result.append(block[block.startIndex + index]) }
        }
        for index in 0..<layout.ec {
            for block in ecBlocks { result.append(block[index]) }
        }
        return result
    }
}
