import Kernel

extension COSEError {
    /// The error for people, as `SignedCodeError.domainError` reports the COSE layer.
    var domainError: DomainError {
        switch self {
        case .invalidCBOR, .malformed:
            DomainError(
                .invalid, code: "signed-code.malformed", title: "电子码格式不正确",
                detail: "二维码里的签名数据结构不正确，无法核验。请向签发部门核实。")
        case .algorithmNotAllowed:
            DomainError(
                .invalid, code: "signed-code.algorithm-not-allowed", title: "签名算法不被接受",
                detail: "电子码使用了本系统不接受的签名算法，无法核验。")
        case .unknownKey:
            DomainError(
                .invalid, code: "signed-code.unknown-key", title: "签发机构的密钥未知",
                detail: "没有找到签发这张电子码的公钥：可能由其他地区签发，或本机的公钥列表需要更新。")
        case .algorithmMismatch:
            DomainError(
                .invalid, code: "signed-code.algorithm-mismatch", title: "签名算法与密钥不符",
                detail: "电子码声明的签名算法与签发机构公布的密钥不一致，可能已被篡改，请勿采信。")
        case .badSignature:
            DomainError(
                .invalid, code: "signed-code.bad-signature", title: "签名核验失败",
                detail: "电子码的内容与签名不符，可能已被篡改，请勿采信。")
        }
    }
}
