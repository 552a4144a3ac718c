/// The SM4 block cipher (GB/T 32907-2016): 128-bit key, 128-bit block, 32 rounds.
public struct SM4: Sendable {
    /// SM4 keys are 16 bytes.
    public static let keyByteCount = 16
    /// SM4 blocks are 16 bytes.
    public static let blockByteCount = 16

    let encryptionKeys: [UInt32]
    let decryptionKeys: [UInt32]

    /// Expands a 16-byte key; throws `GuomiError.invalidKeyLength` otherwise.
    public init<Key: Collection<UInt8>>(key: Key) throws {
        let bytes = Array(key)
        guard bytes.count == SM4.keyByteCount else {
            throw GuomiError.invalidKeyLength(expected: SM4.keyByteCount, actual: bytes.count)
        }
        var k = (0..<4).map { i in
            bytes[(4 * i)..<(4 * i + 4)].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) } ^ SM4Tables.fk[i]
        }
        var roundKeys = [UInt32]()
        roundKeys.reserveCapacity(32)
        for i in 0..<32 {
            let mixed = k[i + 1] ^ k[i + 2] ^ k[i + 3] ^ SM4Tables.ck[i]
            let next = k[i] ^ SM4Tables.keyLinear(SM4Tables.substitute(mixed))
            k.append(next)
            roundKeys.append(next)
        }
        encryptionKeys = roundKeys
        decryptionKeys = roundKeys.reversed()
    }

    /// Encrypts exactly one 16-byte block.
    public func encryptBlock(_ block: [UInt8]) throws -> [UInt8] {
        try transformBlock(block, keys: encryptionKeys)
    }

    /// Decrypts exactly one 16-byte block.
    public func decryptBlock(_ block: [UInt8]) throws -> [UInt8] {
        try transformBlock(block, keys: decryptionKeys)
    }

    private func transformBlock(_ block: [UInt8], keys: [UInt32]) throws -> [UInt8] {
        guard block.count == SM4.blockByteCount else { throw GuomiError.invalidCiphertextLength(block.count) }
        var output = [UInt8](repeating: 0, count: 16)
        block.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                SM4.processBlocks(input, into: out, keys: keys)
            }
        }
        return output
    }

    /// Applies the cipher block by block (ECB) from `input` into `output`; both hold whole blocks.
    static func processBlocks(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, keys: [UInt32]
    ) {
        keys.withUnsafeBufferPointer { rk in
            SM4Tables.round.withUnsafeBufferPointer { table in
                var offset = 0
                while offset + 16 <= input.count {
                    let result = crypt(
                        load(input, offset), load(input, offset + 4), load(input, offset + 8), load(input, offset + 12),
                        rk: rk, table: table)
                    store(result, into: output, at: offset)
                    offset += 16
                }
            }
        }
    }

    @inline(__always)
    static func load(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    static func loadMutable(_ buffer: UnsafeMutableRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    static func store(
        _ words: (UInt32, UInt32, UInt32, UInt32), into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    ) {
        buffer.storeBytes(of: words.0.bigEndian, toByteOffset: offset, as: UInt32.self)
        buffer.storeBytes(of: words.1.bigEndian, toByteOffset: offset + 4, as: UInt32.self)
        buffer.storeBytes(of: words.2.bigEndian, toByteOffset: offset + 8, as: UInt32.self)
        buffer.storeBytes(of: words.3.bigEndian, toByteOffset: offset + 12, as: UInt32.self)
    }

    @inline(__always)
    static func tau(_ x: UInt32, _ table: UnsafeBufferPointer<UInt32>) -> UInt32 {
        table[Int(x >> 24)] ^ table[256 | Int((x >> 16) & 0xff)] ^ table[512 | Int((x >> 8) & 0xff)]
            ^ table[768 | Int(x & 0xff)]
    }

    /// The 32 rounds on one block given as four big-endian words; returns the output words.
    @inline(__always)
    static func crypt(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32,
        rk: UnsafeBufferPointer<UInt32>, table: UnsafeBufferPointer<UInt32>
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var x0 = a
        var x1 = b
        var x2 = c
        var x3 = d
        var i = 0
        while i < 32 {
            x0 ^= tau(x1 ^ x2 ^ x3 ^ rk[i], table)
            x1 ^= tau(x2 ^ x3 ^ x0 ^ rk[i + 1], table)
            x2 ^= tau(x3 ^ x0 ^ x1 ^ rk[i + 2], table)
            x3 ^= tau(x0 ^ x1 ^ x2 ^ rk[i + 3], table)
            i += 4
        }
        return (x3, x2, x1, x0)
    }
}
