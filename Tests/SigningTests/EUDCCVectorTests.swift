import Signing
import Testing

/// A real EU digital COVID certificate test QR payload, decoded through our layers (prefix, Base45, zlib,
/// COSE_Sign1) and its ES256 signature verified: proof that the layering is the DCC's.
///
/// Data from github.com/eu-digital-green-certificates/dgc-testdata, AT/2DCode/raw/1.json (only the data
/// copied). The public key is that of the file's signing certificate ("AT DSC 1"); x, y and the kid (the
/// first 8 bytes of SHA-256 over the certificate's DER) were read from it with Python's `cryptography`.
@Suite("Signed codes: EU DCC test vector")
struct EUDCCVectorTests {
    static let code =
        "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOOK.IR9B+9G4G50PHZF0AT4V22F/8X*G3M9JUPY0BX/KR96R/S09T./0LWTKD3"
        + "3236J3TA3M*4VV2 73-E3GG396B-43O058YIB73A*G3W19UEBY5:PI0EGSP4*2DN43U*0CEBQ/GXQFY73CIBC:G 7376BXBJBAJ UNFMJ"
        + "CRN0H3PQN*E33H3OA70M3FMJIJN523.K5QZ4A+2XEN QT QTHC31M3+E32R44$28A9H0D3ZCL4JMYAZ+S-A5$XKX6T2YC 35H/ITX8GL2"
        + "-LH/CJTK96L6SR9MU9RFGJA6Q3QR$P2OIC0JVLA8J3ET3:H3A+2+33U SAAUOT3TPTO4UBZIC0JKQTL*QDKBO.AI9BVYTOCFOPS4IJCOT"
        + "0$89NT2V457U8+9W2KQ-7LF9-DF07U$B97JJ1D7WKP/HLIJL8JF8JFHJP7NVDEBU1J*Z222E.GJ457661CFFTWM-8P2IUE7K*SSW613:9/"
        + ":TT5IYQBTBU16R4I1A/9VRPJ-TS.7ZEM7MSVOCD4RG2L-TQJROXL2J:52J7F0Q10SMAP3CG3KHF0DWIH"
    static let kid = hex("d919375fc1e7b6b2")
    static let key = JSONWebKey(
        kty: "EC", crv: "P-256", x: "rdVc9a0bltR6jm1BPTA3u0cyJNYKuF1uRk8h7h04-XA",
        y: "USfZGB7fv6Eg18JllyjOnBAp3Jqmis9Q_VMTtRaXQXc", kid: "AT DSC 1", alg: "ES256", use: "sig")
    static let format = SignedCode(prefix: "HC1:")

    @Test("the HC1 code decodes and its ES256 signature verifies with the DSC's public key")
    func verifies() throws {
        // Act
        let payload = try Self.format.decode(Self.code) { $0 == Self.kid ? Self.key : nil }
        let claims = try CBORValue(decoding: payload).mapValue ?? [:]

        // Verify: a CWT whose issuer is AT and whose health certificate (-260/1) names the test person
        #expect(claims[.unsigned(1)] == .text("AT"))
        let certificate = claims[.integer(-260)]?.mapValue?[.unsigned(1)]?.mapValue
        let name = certificate?[.text("nam")]?.mapValue
        #expect(name?[.text("fn")] == .text("Musterfrau-Gößinger"))
        #expect(certificate?[.text("dob")] == .text("1998-02-26"))
    }

    @Test("the same code fails when one Base45 character changes, or under another key")
    func tampered() throws {
        // Setup: a character inside the zlib stream, and a key of the same kind that did not sign it
        var characters = Array(Self.code)
        characters[200] = characters[200] == "A" ? "B" : "A"
        let changed = String(characters)
        let stranger = try SigningKey.generate(.es256).jwk

        // Act
        let changedError = #expect(throws: SignedCodeError.self) {
            try Self.format.decode(changed) { $0 == Self.kid ? Self.key : nil }
        }
        let strangerError = #expect(throws: SignedCodeError.self) {
            try Self.format.decode(Self.code) { _ in stranger }
        }

        // Verify: the change breaks the zlib stream's Adler-32 check (Python's zlib agrees: "incorrect data check")
        #expect(changedError == .badCompression)
        #expect(strangerError == .cose(.badSignature))
    }
}
