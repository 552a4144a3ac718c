/// A minimal strict reader for the DER subset used by SM2 keys, signatures and ciphertexts.
struct DERReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    /// The next tag without consuming it.
    var nextTag: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Reads one element with the given tag and returns its contents.
    mutating func read(tag: UInt8) throws -> [UInt8] {
        guard position + 2 <= bytes.count, bytes[position] == tag else {
            throw GuomiError.malformedDER("expected tag 0x\(String(tag, radix: 16))")
        }
        position += 1
        var length = Int(bytes[position])
        position += 1
        if length & 0x80 != 0 {
            let lengthBytes = length & 0x7f
            // Indefinite, over-long or non-minimal lengths are not DER.
            guard (1...3).contains(lengthBytes), position + lengthBytes <= bytes.count, bytes[position] != 0 else {
                throw GuomiError.malformedDER("bad length")
            }
            length = 0
            for _ in 0..<lengthBytes {
                length = (length << 8) | Int(bytes[position])
                position += 1
            }
            guard length >= 0x80 else { throw GuomiError.malformedDER("non-minimal length") }
        }
        guard length <= bytes.count - position else { throw GuomiError.malformedDER("truncated") }
        let contents = Array(bytes[position..<(position + length)])
        position += length
        return contents
    }

    /// Reads a non-negative INTEGER of at most 32 bytes and returns it left-padded to 32 bytes.
    mutating func readUnsigned256() throws -> [UInt8] {
        var contents = try read(tag: DER.integerTag)
        guard let first = contents.first, first & 0x80 == 0 else { throw GuomiError.malformedDER("negative integer") }
        if contents.count > 1 && first == 0 {
            guard contents[1] & 0x80 != 0 else { throw GuomiError.malformedDER("non-minimal integer") }
            contents.removeFirst()
        }
        guard contents.count <= 32 else { throw GuomiError.malformedDER("integer too large") }
        return [UInt8](repeating: 0, count: 32 - contents.count) + contents
    }

    /// Reads a SEQUENCE and returns a reader over its contents.
    mutating func readSequence() throws -> DERReader {
        DERReader(try read(tag: DER.sequenceTag))
    }

    /// Fails unless every byte has been consumed.
    func expectEnd() throws {
        guard isAtEnd else { throw GuomiError.malformedDER("trailing data") }
    }
}
