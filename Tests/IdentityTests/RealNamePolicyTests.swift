import AsyncHTTPClient
import Identity
import Testing

@Suite("Real-name adapter policy")
struct RealNamePolicyTests {
    static let strong = RealNameSignature(keyID: "zt", secret: "a-long-enough-shared-secret")

    static func face(_ url: String, signature: RealNameSignature = strong) -> HTTPFaceVerifier {
        HTTPFaceVerifier(baseURL: url, signature: signature, client: .shared)
    }

    @Test("production refuses the development face verifier; a demo server may use it")
    func development() throws {
        #expect(throws: RealNamePolicyError.self) {
            try FaceVerifierPolicy.check(verifier: DevelopmentFaceVerifier(), production: true)
        }
        do {
            try FaceVerifierPolicy.check(verifier: DevelopmentFaceVerifier(), production: true)
        } catch {
            #expect(error.message.contains("ZT_FACE_VERIFIER_URL") && error.message.contains("face:development"))
        }
        try FaceVerifierPolicy.check(verifier: DevelopmentFaceVerifier(), production: false)
        try FaceVerifierPolicy.check(verifier: nil, production: true)
    }

    @Test("an HTTP verifier needs https in production and a secret of 16 bytes")
    func httpFace() throws {
        try FaceVerifierPolicy.check(verifier: Self.face("https://face.example.test/api"), production: true)
        try FaceVerifierPolicy.check(verifier: Self.face("http://127.0.0.1:9000"), production: false)
        #expect(throws: RealNamePolicyError.self) {
            try FaceVerifierPolicy.check(verifier: Self.face("http://face.example.test"), production: true)
        }
        #expect(throws: RealNamePolicyError.self) {
            try FaceVerifierPolicy.check(
                verifier: Self.face(
                    "https://face.example.test", signature: RealNameSignature(keyID: "zt", secret: "short")),
                production: false)
        }
    }

    @Test("an HTTP registry needs https in production, a strong secret and a strong index key")
    func httpRegistry() throws {
        func registry(_ url: String, key: String = "index-key-of-enough-length") -> HTTPPopulationRegistry {
            HTTPPopulationRegistry(
                baseURL: url, signature: Self.strong, client: .shared, disclosure: .keyedHashes(indexKey: key))
        }
        try PopulationRegistryPolicy.check(registry: registry("https://rk.example.test"), production: true)
        try PopulationRegistryPolicy.check(registry: nil, production: true)
        #expect(throws: RealNamePolicyError.self) {
            try PopulationRegistryPolicy.check(registry: registry("http://rk.example.test"), production: true)
        }
        #expect(throws: RealNamePolicyError.self) {
            try PopulationRegistryPolicy.check(
                registry: registry("https://rk.example.test", key: "short"), production: true)
        }
    }
}
