import Foundation
import Signing

/// Turns claims into the QR text and back: COSE_Sign1 over CBOR, zlib, Base45, behind a prefix
/// (docs/signed-codes.md). The signing machinery lives in `Signing` so receipts reuse it.
enum LicenseCodec {
    /// The QR text for `claims`, signed with `key`.
    static func seal(_ claims: LicenseClaims, with key: SigningKey, prefix: String) throws -> String {
        try SignedCode(prefix: prefix).encode(claims.encoded(), signedBy: key)
    }
}
