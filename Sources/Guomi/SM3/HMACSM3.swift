/// HMAC (RFC 2104) instantiated with SM3.
public enum HMACSM3 {
    /// Computes the 32-byte HMAC-SM3 of `message` under `key` (keys longer than 64 bytes are hashed first).
    public static func authenticationCode<Message: Collection<UInt8>, Key: Collection<UInt8>>(
        for message: Message,
        key: Key
    ) -> [UInt8] {
        var block = key.count > SM3.blockByteCount ? SM3.hash(key) : Array(key)
        block.append(contentsOf: repeatElement(0, count: SM3.blockByteCount - block.count))
        var inner = SM3()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SM3()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Checks `code` against the HMAC of `message` in time independent of where they differ.
    public static func isValidAuthenticationCode<Message: Collection<UInt8>, Key: Collection<UInt8>>(
        _ code: [UInt8],
        for message: Message,
        key: Key
    ) -> Bool {
        ConstantTime.equals(code, authenticationCode(for: message, key: key))
    }
}
