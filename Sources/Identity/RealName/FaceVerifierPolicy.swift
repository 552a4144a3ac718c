/// Which face verifiers a server may run with; the composition root calls it while validating its
/// configuration.
public enum FaceVerifierPolicy {
    /// Throws unless `verifier` may be used: in production never the development verifier, and an
    /// HTTP verifier only over https; always a secret of at least 16 bytes. No verifier is allowed
    /// (L3 is then not offered).
    public static func check(verifier: (any FaceVerifier)?, production: Bool) throws(RealNamePolicyError) {
        guard let verifier else { return }
        if production && (verifier.isDevelopment || verifier.method.hasSuffix(":development")) {
            throw RealNamePolicyError(
                message: "生产模式不能使用演示人脸核验（\(verifier.method)）；请配置 ZT_FACE_VERIFIER_URL、ZT_FACE_KEY_ID 和 ZT_FACE_SECRET")
        }
        if let http = verifier as? HTTPFaceVerifier {
            try RealNamePolicyError.checkService(
                baseURL: http.baseURL, signature: http.signature, production: production,
                urlSetting: "ZT_FACE_VERIFIER_URL", secretSetting: "ZT_FACE_SECRET")
        }
    }
}
