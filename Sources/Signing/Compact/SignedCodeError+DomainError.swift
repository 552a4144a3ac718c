public import Kernel

extension SignedCodeError {
    /// The error for people: a stable code and a Chinese title and detail saying what to do.
    public var domainError: DomainError {
        switch self {
        case .tooLong(let limit):
            DomainError(
                .invalid, code: "signed-code.too-long", title: "二维码内容过长",
                detail: "扫描到的内容超过 \(limit) 个字符，不是本系统签发的码。请确认扫的是政务电子码。")
        case .wrongPrefix(let expected):
            DomainError(
                .invalid, code: "signed-code.wrong-prefix", title: "不是这一类电子码",
                detail: "扫描到的内容不以“\(expected)”开头：可能扫错了码，或是其他系统的二维码。")
        case .notBase45:
            DomainError(
                .invalid, code: "signed-code.not-base45", title: "二维码内容无法识别",
                detail: "扫描到的内容含有电子码不会使用的字符，可能没有扫完整。请重新扫描。")
        case .badCompression:
            DomainError(
                .invalid, code: "signed-code.bad-compression", title: "二维码内容不完整",
                detail: "二维码里的数据不完整或已损坏。请重新扫描；仍然失败时，请向签发部门核实。")
        case .tooLarge(let limit):
            DomainError(
                .invalid, code: "signed-code.too-large", title: "二维码内容异常",
                detail: "二维码里的数据展开后超过 \(limit) 字节，已拒绝处理。这不是本系统签发的码。")
        case .cose(let error): error.domainError
        }
    }
}
