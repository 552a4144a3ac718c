/// How an SM2 ciphertext's parts C1 (point), C3 (SM3 hash) and C2 (masked message) are laid out.
public enum SM2CiphertextEncoding: Sendable, CaseIterable {
    /// GM/T 0009 DER: SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING } (OpenSSL's form).
    case der
    /// Raw 04 ‖ x ‖ y ‖ C3 ‖ C2, the order of GB/T 32918-2016.
    case c1c3c2
    /// Raw 04 ‖ x ‖ y ‖ C2 ‖ C3, the order of the 2010 draft still used by some systems.
    case c1c2c3
}
