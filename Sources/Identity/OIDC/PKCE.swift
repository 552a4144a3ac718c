import Crypto
import Foundation
import Kernel

/// Proof Key for Code Exchange (RFC 7636), S256 only.
enum PKCE {
    /// 43 to 128 characters of the unreserved set (RFC 7636 §4.1), for verifiers and S256 challenges.
    static func isWellFormed(_ value: String) -> Bool {
        (43...128).contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"):
                    true
                default: false
                }
            }
    }

    /// Whether `verifier` hashes to `challenge`.
    static func matches(verifier: String, challenge: String) -> Bool {
        guard isWellFormed(verifier) else { return false }
        let computed = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        return ConstantTimeText.equal(computed, challenge)
    }
}
