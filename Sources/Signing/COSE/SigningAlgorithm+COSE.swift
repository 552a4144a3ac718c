extension SigningAlgorithm {
    /// COSE `alg` value for ECDSA P-256 with SHA-256 (IANA COSE Algorithms registry).
    public static let es256COSEIdentifier: Int64 = -7

    /// COSE `alg` value for SM2 with SM3 (GB/T 32918.2, default signer ID, signature r‖s).
    ///
    /// IANA has not registered SM2 for COSE, so this is the first value of the registry's private-use range
    /// (integers below -65536). It means SM2-with-SM3 only inside Zhengtong's signed codes; a verifier
    /// elsewhere must be told it (docs/signed-codes.md).
    public static let sm2COSEIdentifier: Int64 = -65537

    /// The COSE `alg` value that names this algorithm in a protected header.
    public var coseIdentifier: Int64 {
        switch self {
        case .es256: Self.es256COSEIdentifier
        case .sm2: Self.sm2COSEIdentifier
        }
    }

    /// The algorithm a COSE `alg` value names; nil for any other value.
    public init?(coseIdentifier: Int64) {
        switch coseIdentifier {
        case Self.es256COSEIdentifier: self = .es256
        case Self.sm2COSEIdentifier: self = .sm2
        default: return nil
        }
    }
}
