import Guomi
import Testing

@Suite("SM2 signatures")
struct SM2SignatureTests {
    @Test("A signature verifies for the same message, ID and key, and for nothing else")
    func signAndVerify() throws {
        let key = SM2PrivateKey()
        let other = SM2PrivateKey()
        let message = Array("政务公开 record 17".utf8)

        let signature = try key.signature(for: message)

        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message + [0]))
        #expect(!key.publicKey.isValidSignature(signature, for: message, id: Array("alice@gov.cn".utf8)))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
    }

    @Test("A custom signer ID signs and verifies consistently")
    func customIdentifier() throws {
        let key = SM2PrivateKey()
        let id = Array("ALICE123@YAHOO.COM".utf8)

        let signature = try key.signature(for: [1, 2, 3], id: id)

        #expect(key.publicKey.isValidSignature(signature, for: [1, 2, 3], id: id))
        #expect(!key.publicKey.isValidSignature(signature, for: [1, 2, 3]))
    }

    @Test("Signatures are randomised: two signatures of one message differ and both verify")
    func nonceIsFresh() throws {
        let key = SM2PrivateKey()

        let first = try key.signature(for: [42])
        let second = try key.signature(for: [42])

        #expect(first != second)
        #expect(key.publicKey.isValidSignature(second, for: [42]))
    }

    @Test("DER and raw forms round-trip")
    func encodingsRoundTrip() throws {
        let signature = try SM2PrivateKey().signature(for: [7])

        let fromDER = try SM2Signature(derRepresentation: signature.derRepresentation)
        let fromRaw = try SM2Signature(rawRepresentation: signature.rawRepresentation)

        #expect(fromDER == signature)
        #expect(fromRaw == signature)
        #expect(signature.rawRepresentation.count == 64)
    }

    @Test("r or s equal to 0 or ≥ n is rejected with signatureOutOfRange")
    func outOfRangeComponents() {
        let n = Hex.decode("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123")
        let one = [UInt8](repeating: 0, count: 31) + [1]
        let zero = [UInt8](repeating: 0, count: 32)

        for (r, s) in [(zero, one), (one, zero), (n, one), (one, n), ([UInt8](repeating: 0xff, count: 32), one)] {
            #expect(throws: GuomiError.signatureOutOfRange) { try SM2Signature(rawRepresentation: r + s) }
            let der = [0x30, 0x46, 0x02, 0x21, 0x00] + r + [0x02, 0x21, 0x00] + s
            #expect(throws: GuomiError.self) { try SM2Signature(derRepresentation: der) }
        }
        let derWithN = [0x30, 0x26, 0x02, 0x21, 0x00] + n + [0x02, 0x01, 0x01]
        #expect(throws: GuomiError.signatureOutOfRange) { try SM2Signature(derRepresentation: derWithN) }
    }

    @Test("Malformed DER is rejected with malformedDER")
    func malformedDER() throws {
        let good = try SM2PrivateKey().signature(for: [1]).derRepresentation

        #expect(throws: GuomiError.self) { try SM2Signature(derRepresentation: good + [0]) }
        #expect(throws: GuomiError.self) { try SM2Signature(derRepresentation: Array(good.dropLast())) }
        #expect(throws: GuomiError.self) { try SM2Signature(derRepresentation: [0x31] + good.dropFirst()) }
    }

    @Test("Signer and Verifier protocols wrap SM2 with DER signatures")
    func protocolConformance() throws {
        let signer: any Signer = SM2Signer(privateKey: SM2PrivateKey())
        let message = Array("audit entry".utf8)

        let signature = try signer.sign(message)
        let verifier = signer.verifier

        #expect(signer.algorithm == "SM2-SM3")
        #expect(verifier.algorithm == "SM2-SM3")
        #expect(verifier.isValidSignature(signature, for: message))
        #expect(!verifier.isValidSignature(signature, for: message + [1]))
        #expect(!verifier.isValidSignature([0x30, 0x00], for: message))
        #expect(
            try SM2PublicKey(derRepresentation: verifier.publicKeyBytes) == (signer as! SM2Signer).privateKey.publicKey)
    }

    @Test("Private keys never print their scalar")
    func redaction() {
        let key = SM2PrivateKey()
        let hex = Hex.encode(key.rawRepresentation)

        let printed = [
            "\(key)", String(describing: key), String(reflecting: key), "\(SM2Signer(privateKey: key))",
            String(reflecting: SM2Signer(privateKey: key)),
        ]
        var dumped = ""
        dump(key, to: &dumped)

        for text in printed + [dumped] {
            #expect(!text.lowercased().contains(hex.prefix(16)))
        }
        #expect("\(key)".contains("redacted"))
    }
}
