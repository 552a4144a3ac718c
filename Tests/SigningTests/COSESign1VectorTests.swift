import Signing
import Testing

/// Published COSE_Sign1 ES256 vectors from github.com/cose-wg/Examples (only their hex and key copied).
@Suite("COSE_Sign1: cose-wg/Examples vectors")
struct COSESign1VectorTests {
    /// The P-256 key of the cose-wg examples, kid "11".
    static let key = JSONWebKey(
        kty: "EC", crv: "P-256", x: "usWxHK2PmfnHKwXPS54m0kTcGJ90UiglWiGahtagnv8",
        y: "IBOL-C3BttVivg-lSreASjpkttcsz-1rb7btKLv8EX4", kid: "11", alg: "ES256", use: "sig")
    static let content = Array("This is the content.".utf8)

    /// ecdsa-examples/ecdsa-sig-01.json: tag 18, protected {1: -7, 3: 0}, unprotected {4: '11'}.
    static let ecdsaSig01 = hex(
        "D28445A201260300A10442313154546869732069732074686520636F6E74656E742E5840EAE868ECC176883766C5DC5BA5B8DCA2"
            + "5DAB3C2E56A551CE5705B793914348E172727F48461FABBBA2E343492DDECAC3983686250BC68E9F1A7A07D41225B59F")
    /// sign1-tests/sign-pass-02.json: as above without content type, external AAD 11aa22bb33cc44dd55006699.
    static let signPass02 = hex(
        "D28443A10126A10442313154546869732069732074686520636F6E74656E742E5840EAE868ECC176883766C5DC5BA5B8DCA25DAB"
            + "3C2E56A551CE5705B793914348E155388B10C4F1B59A6733EAB416870A945111A4B2FBDBEF33A77234B1DEFF2F9B")
    /// sign1-tests/sign-pass-03.json: the same message without tag 18.
    static let signPass03 = hex(
        "8443A10126A10442313154546869732069732074686520636F6E74656E742E5840EAE868ECC176883766C5DC5BA5B8DCA25DAB3C"
            + "2E56A551CE5705B793914348E19F43D6C6BA654472DA301B645B293C9BA939295B97C4BDB847782BFF384C5794")
    /// sign1-tests/sign-fail-02.json: sign-pass-03's signature over a payload whose last byte changed.
    static let signFail02 = hex(
        "D28443A10126A10442313154546869732069732074686520636F6E74656E742F5840EAE868ECC176883766C5DC5BA5B8DCA25DAB"
            + "3C2E56A551CE5705B793914348E19F43D6C6BA654472DA301B645B293C9BA939295B97C4BDB847782BFF384C5794")
    /// sign1-tests/sign-pass-01.json: alg and kid only in the unprotected header, protected h'A0'.
    static let signPass01 = hex(
        "D28441A0A201260442313154546869732069732074686520636F6E74656E742E5840EAE868ECC176883766C5DC5BA5B8DCA25DAB"
            + "3C2E56A551CE5705B793914348E11A02E5F0344BF2D4EE5C7FD75A68A9F5E0B3CC1F1FC1409C189566586FF9D610")

    @Test("the published messages verify and give back their content")
    func published() throws {
        // Act
        let tagged = try COSESign1.verify(Self.ecdsaSig01, keys: [Self.key])
        let external = try COSESign1.verify(
            Self.signPass02, keys: [Self.key], externalAAD: hex("11aa22bb33cc44dd55006699"))
        let untagged = try COSESign1.verify(Self.signPass03, keys: [Self.key])

        // Verify
        #expect(tagged == Self.content)
        #expect(external == Self.content)
        #expect(untagged == Self.content)
    }

    @Test("a changed payload, a missing external AAD or a foreign key fail the signature check")
    func badSignatures() throws {
        // Setup: a key of the right algorithm and kid but other numbers
        let other = try SigningKey.generate(.es256).jwk
        let impostor = JSONWebKey(
            kty: other.kty, crv: other.crv, x: other.x, y: other.y, kid: "11", alg: "ES256", use: "sig")

        // Act / Verify
        #expect(throws: COSEError.badSignature) { try COSESign1.verify(Self.signFail02, keys: [Self.key]) }
        #expect(throws: COSEError.badSignature) { try COSESign1.verify(Self.signPass02, keys: [Self.key]) }
        #expect(throws: COSEError.badSignature) { try COSESign1.verify(Self.ecdsaSig01, keys: [impostor]) }
    }

    @Test("an algorithm outside the protected header is refused (RFC 9052 §3.1: alg must be authenticated)")
    func unprotectedAlgorithm() {
        // Act
        let error = #expect(throws: COSEError.self) { try COSESign1.verify(Self.signPass01, keys: [Self.key]) }

        // Verify
        #expect(error == .malformed("the algorithm (label 1) must be in the protected header"))
    }

    @Test("the key's own algorithm decides: a header cannot pick another, nor one the verifier disallows")
    func algorithmChecks() {
        // Setup: the same point published as an SM2 key, and a verifier that only takes SM2
        let relabelled = JSONWebKey(
            kty: "EC", crv: "SM2", x: Self.key.x, y: Self.key.y, kid: "11", alg: "SM2", use: "sig")

        // Act / Verify
        #expect(throws: COSEError.algorithmMismatch(header: .es256, key: "SM2")) {
            try COSESign1.verify(Self.ecdsaSig01, keys: [relabelled])
        }
        #expect(throws: COSEError.algorithmNotAllowed(-7)) {
            try COSESign1.verify(Self.ecdsaSig01, keys: [Self.key], allowing: [.sm2])
        }
        #expect(throws: COSEError.unknownKey(kid: Array("11".utf8))) {
            try COSESign1.verify(Self.ecdsaSig01, keys: [])
        }
    }
}
