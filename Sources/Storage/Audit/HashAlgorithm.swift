import Crypto
import Guomi

/// A hash the audit chain can use; each entry records which one chained it.
public enum HashAlgorithm: String, Sendable, CaseIterable {
    /// SHA-256 (FIPS 180-4), from swift-crypto.
    case sha256 = "SHA-256"
    /// SM3 (GB/T 32905), from Guomi; the default.
    case sm3 = "SM3"

    /// The digest of `bytes`.
    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: Array(SHA256.hash(data: bytes))
        case .sm3: SM3.hash(bytes)
        }
    }

    /// The digest of `text`'s UTF-8 bytes, as lowercase hex.
    public func hexDigest(_ text: String) -> String {
        digest(Array(text.utf8)).hexString
    }
}

extension Array where Element == UInt8 {
    /// Lowercase hex.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
