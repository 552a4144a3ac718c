import AsyncHTTPClient
import Identity

/// The real-name adapters the configuration asks for, checked against the production rules before
/// anything is opened.
struct RealNameAdapters {
    var registry: HTTPPopulationRegistry?
    var face: (any FaceVerifier)?

    static func make(_ configuration: AppConfiguration, client: HTTPClient?) throws -> RealNameAdapters {
        var adapters = RealNameAdapters()
        if !configuration.registryURL.isEmpty, let client {
            adapters.registry = HTTPPopulationRegistry(
                baseURL: configuration.registryURL,
                signature: RealNameSignature(keyID: configuration.registryKeyID, secret: configuration.registrySecret),
                client: client,
                disclosure: configuration.registryIndexKey.isEmpty
                    ? .clear : .keyedHashes(indexKey: configuration.registryIndexKey))
        }
        switch configuration.resolvedFaceVerifier {
        case "http":
            if let client {
                adapters.face = HTTPFaceVerifier(
                    baseURL: configuration.faceVerifierURL,
                    signature: RealNameSignature(keyID: configuration.faceKeyID, secret: configuration.faceSecret),
                    client: client)
            }
        case "development": adapters.face = DevelopmentFaceVerifier()
        default: adapters.face = nil
        }
        do {
            try FaceVerifierPolicy.check(verifier: adapters.face, production: !configuration.demo)
            try PopulationRegistryPolicy.check(registry: adapters.registry, production: !configuration.demo)
        } catch {
            throw ConfigurationError(message: error.message)
        }
        return adapters
    }
}
