/// A cryptographic hash function that can be fed incrementally (named to avoid clashing with swift-crypto).
public protocol Digester: Sendable {
    /// The algorithm name, for example `SM3`.
    static var algorithm: String { get }
    /// The number of bytes in a digest.
    static var digestByteCount: Int { get }
    /// Creates an empty hashing state.
    init()
    /// Absorbs more message bytes.
    mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes)
    /// Returns the digest of everything absorbed so far; the state itself is left unchanged.
    func finalize() -> [UInt8]
}

extension Digester {
    /// Hashes `bytes` in one call.
    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var digester = Self()
        digester.update(bytes)
        return digester.finalize()
    }
}
