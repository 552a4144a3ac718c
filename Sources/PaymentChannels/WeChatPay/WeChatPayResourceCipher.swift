import Crypto
import Foundation

/// Opens the `resource` of a notification: AEAD_AES_256_GCM under the APIv3 key, with the
/// resource's `nonce` and `associated_data`, the tag being the last 16 bytes of the ciphertext.
struct WeChatPayResourceCipher: Sendable {
    /// The only algorithm WeChat Pay uses for notifications.
    static let algorithm = "AEAD_AES_256_GCM"

    /// The APIv3 key's bytes.
    let key: [UInt8]

    /// The plaintext, or `.malformed` when the resource cannot be opened (wrong key, tampered bytes).
    func open(algorithm: String, ciphertext: String, nonce: String, associatedData: String)
        throws(PaymentChannelError) -> Data
    {
        guard algorithm == Self.algorithm else { throw .malformed("通知加密算法“\(algorithm)”不受支持") }
        guard let sealed = Data(base64Encoded: ciphertext), sealed.count > 16 else {
            throw .malformed("通知密文不是有效的 Base64 或过短")
        }
        let nonceBytes = Data(nonce.utf8)
        guard nonceBytes.count == 12, let gcmNonce = try? AES.GCM.Nonce(data: nonceBytes) else {
            throw .malformed("通知加密随机串应为 12 字节")
        }
        do {
            let box = try AES.GCM.SealedBox(
                nonce: gcmNonce, ciphertext: sealed.dropLast(16), tag: sealed.suffix(16))
            return try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: Data(associatedData.utf8))
        } catch {
            throw .malformed("通知密文无法解密，APIv3 密钥不符或密文被篡改")
        }
    }
}
