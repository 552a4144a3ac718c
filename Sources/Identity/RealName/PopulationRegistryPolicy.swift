/// Which population registries a server may run with.
public enum PopulationRegistryPolicy {
    /// Throws unless `registry` may be used: an HTTP registry only over https in production, with
    /// a secret of at least 16 bytes and, when hashing, an index key of at least 16 bytes.
    public static func check(registry: (any PopulationRegistry)?, production: Bool) throws(RealNamePolicyError) {
        guard let http = registry as? HTTPPopulationRegistry else { return }
        try RealNamePolicyError.checkService(
            baseURL: http.baseURL, signature: http.signature, production: production,
            urlSetting: "ZT_REGISTRY_URL", secretSetting: "ZT_REGISTRY_SECRET")
        if case .keyedHashes(let key) = http.disclosure, key.utf8.count < 16 {
            throw RealNamePolicyError(message: "ZT_REGISTRY_INDEX_KEY 至少 16 个字符")
        }
    }
}
