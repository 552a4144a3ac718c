import Crypto
import Foundation
import Guomi
import Kernel
import Licenses
import Signing
import Storage

/// One realistic license code signed with a fresh key, and the raw verification of the same signed bytes.
///
/// The claims are those a 食品经营许可证 of the bundled type `food-business-permit` carries: every field
/// the type puts in the code, masked as the issuing service masks them, so the code has the size and
/// shape of a real one.
struct BenchLicense {
    /// The bundled type the claims follow.
    static let typeKey = "food-business-permit"
    /// Sample values for the type's code fields, by field key; a field missing here stops the bench.
    static let sampleFields = [
        "operatorName": "河北禾丰餐饮管理有限公司", "creditCode": "91130102MA0FX8K2Q5",
        "businessType": "热食类食品制售；冷食类食品制售；自制饮品制售；预包装食品（含冷藏冷冻食品）销售",
        "premisesArea": "186.5", "handledBy": "王建国",
    ]
    /// A well-formed 统一社会信用代码 for the issuing 市场监督管理局 (GB 32100 check character).
    static let issuerCreditCode = "11130100000013618D"

    let algorithm: SigningAlgorithm
    /// The `ZT1:` text a QR code would carry.
    let code: String
    /// An offline verifier that knows the issuer's published key.
    let verifier: LicenseVerifier
    /// A moment inside the license's validity.
    let now: Date
    /// The claims the code must decode to.
    let claims: LicenseClaims
    /// Size of the COSE_Sign1 message inside the code.
    let coseSize: Int
    /// The COSE Sig_structure the signature covers: the message the raw baseline verifies.
    let signatureInput: [UInt8]
    /// The raw verification of a signature by the same key over `signatureInput`, key and signature
    /// parsed beforehand: what a verifier cannot do with less work.
    let rawVerify: () -> Bool

    init(_ algorithm: SigningAlgorithm) throws {
        self.algorithm = algorithm
        let key = try SigningKey.generate(algorithm)
        let issuedAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970).rounded(.down))
        claims = try Self.claims(issuedAt: issuedAt)
        now = issuedAt.addingTimeInterval(86_400)
        code = try SignedCode(prefix: LicenseService.codePrefix).encode(claims.encoded(), signedBy: key)
        let published = PublishedIssuerKey(
            jwk: key.jwk, issuer: Self.issuerCreditCode, createdAt: issuedAt.addingTimeInterval(-60), retiredAt: nil)
        verifier = LicenseVerifier(keys: [published], issuerNames: [Self.issuerCreditCode: "石家庄市市场监督管理局"])

        // The same payload signed again yields the same Sig_structure (the CBOR is deterministic) under
        // another signature; the verifier's own check below proves the bytes are the ones it hashes.
        let message = try COSESign1.sign(claims.encoded(), with: key)
        guard case .tagged(18, let inner)? = try? CBORValue(decoding: message), let parts = inner.arrayValue,
            parts.count == 4, let protected = parts[0].bytesValue, let payload = parts[2].bytesValue,
            let signature = parts[3].bytesValue
        else { throw BenchFailure("COSESign1.sign produced an unexpected structure") }
        coseSize = message.count
        signatureInput = CBORValue.array([.text("Signature1"), .bytes(protected), .bytes([]), .bytes(payload)])
            .encoded()
        guard SigningKey.isValid(signature, for: signatureInput, by: key.jwk) else {
            throw BenchFailure("the rebuilt Sig_structure is not what \(algorithm.rawValue) signed")
        }
        let first = verifier.verify(code, now: now)
        guard first.verdict == .valid, first.claims == claims else {
            throw BenchFailure(
                "the \(algorithm.rawValue) code does not verify: \(first.verdict.rawValue), \(first.reason)")
        }
        rawVerify = try Self.rawVerifier(algorithm, privateBytes: key.privateBytes, signature, signatureInput)
    }

    /// One offline verification of the code; true only for a `.valid` verdict.
    func verifyOnce() -> Bool {
        verifier.verify(code, now: now).verdict == .valid
    }

    private static func claims(issuedAt: Date) throws -> LicenseClaims {
        guard let type = try LicenseTypeCatalogue.bundled().type(typeKey) else {
            throw BenchFailure("the bundled catalogue has no type \(typeKey)")
        }
        _ = try UnifiedSocialCreditCode(issuerCreditCode)
        let fields = try type.fields.filter(\.inCode).map { field in
            guard let value = sampleFields[field.key] else {
                throw BenchFailure("no sample value for the code field \(field.key) of \(typeKey)")
            }
            // As the issuing service does: personal values never travel in clear.
            switch field.kind {
            case .personName: return [field.label, Masking.name(value)]
            case .idNumber: return [field.label, Masking.idNumber(value)]
            default: return [field.label, value]
            }
        }
        let holder = sampleFields[type.holderNameField] ?? ""
        let validUntil = Calendar(identifier: .gregorian).date(
            byAdding: .year, value: type.validYears ?? 5, to: issuedAt)
        return LicenseClaims(
            issuer: issuerCreditCode, issuedAt: issuedAt, expiresAt: validUntil,
            identifier: try LicenseIdentifier(
                typeCode: type.code, issuerCode: issuerCreditCode, serial: "2026K7Q4M2ZP8X", version: 1),
            typeKey: type.key, typeName: type.name,
            holderNameMasked: type.field(type.holderNameField)?.isPersonal == true ? Masking.name(holder) : holder,
            fields: fields)
    }

    /// The library's verify call with everything that is not verification (parsing) done once.
    private static func rawVerifier(
        _ algorithm: SigningAlgorithm, privateBytes: [UInt8], _ signature: [UInt8], _ input: [UInt8]
    ) throws -> () -> Bool {
        switch algorithm {
        case .sm2:
            let publicKey = try SM2PrivateKey(rawRepresentation: privateBytes).publicKey
            let parsed = try SM2Signature(rawRepresentation: signature)
            return { publicKey.isValidSignature(parsed, for: input) }
        case .es256:
            let publicKey = try P256.Signing.PrivateKey(rawRepresentation: privateBytes).publicKey
            let parsed = try P256.Signing.ECDSASignature(rawRepresentation: signature)
            return { publicKey.isValidSignature(parsed, for: input) }
        }
    }
}
