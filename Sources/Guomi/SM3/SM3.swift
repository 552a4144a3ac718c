/// The SM3 cryptographic hash (GB/T 32905-2016), 256-bit digest, usable one-shot or incrementally.
public struct SM3: Digester {
    /// The algorithm name.
    public static let algorithm = "SM3"
    /// SM3 digests are 32 bytes.
    public static let digestByteCount = 32
    /// SM3 processes 64-byte blocks (needed by HMAC).
    public static let blockByteCount = 64

    @usableFromInline var v0: UInt32 = 0x7380_166f
    @usableFromInline var v1: UInt32 = 0x4914_b2b9
    @usableFromInline var v2: UInt32 = 0x1724_42d7
    @usableFromInline var v3: UInt32 = 0xda8a_0600
    @usableFromInline var v4: UInt32 = 0xa96f_30bc
    @usableFromInline var v5: UInt32 = 0x1631_38aa
    @usableFromInline var v6: UInt32 = 0xe38d_ee4d
    @usableFromInline var v7: UInt32 = 0xb0fb_0e4e
    // Bytes not yet forming a whole block; always fewer than 64.
    @usableFromInline var pending: [UInt8] = []
    @usableFromInline var byteCount: UInt64 = 0

    /// Creates a hasher in the standard initial state.
    public init() {}

    /// Hashes `bytes` in one call.
    @inlinable
    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var hasher = SM3()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Absorbs more message bytes.
    @inlinable
    public mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            self.absorb(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            Array(bytes).withUnsafeBytes { self.absorb($0) }
        }
    }

    /// Returns the digest of everything absorbed so far without changing this hasher.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8
        var tail = pending
        tail.append(0x80)
        let zeros = (56 &- tail.count) & 63
        tail.append(contentsOf: repeatElement(0, count: zeros))
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { copy.compress(blocks: $0) }
        var digest = [UInt8]()
        digest.reserveCapacity(32)
        for word in [copy.v0, copy.v1, copy.v2, copy.v3, copy.v4, copy.v5, copy.v6, copy.v7] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    @usableFromInline
    mutating func absorb(_ input: UnsafeRawBufferPointer) {
        byteCount &+= UInt64(input.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, input.count)
            pending.append(contentsOf: input[0..<take])
            offset = take
            if pending.count == 64 {
                let block = pending
                block.withUnsafeBytes { compress(blocks: $0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let remaining = input.count - offset
        let whole = remaining & ~63
        if whole > 0 {
            compress(blocks: UnsafeRawBufferPointer(rebasing: input[offset..<(offset + whole)]))
        }
        if whole < remaining {
            pending.append(contentsOf: input[(offset + whole)...])
        }
    }
}
