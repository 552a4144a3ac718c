/// The ways an external real-name service can answer badly; each must become `unavailable`.
enum ContractFault: String, CaseIterable, Sendable, CustomStringConvertible {
    /// 503, signed.
    case serverError
    /// 401: the service refused our signature.
    case refused
    /// A signed 200 whose body is not JSON.
    case garbage
    /// A signed 200 whose JSON lacks the fields or holds values outside the contract.
    case offContract
    /// A correct body without the answer signature.
    case unsigned
    /// A correct body signed with another secret.
    case forged
    /// No answer at all, until the client's timeout.
    case hang

    var description: String { rawValue }

    /// The faulty answer to `request`; `good` is a correct body, `bad` one outside the contract.
    func reply(to request: ContractRequest, good: String, bad: String) -> ContractReply? {
        switch self {
        case .serverError: RealNameProvider.signed(request, json: good, status: 503)
        case .refused: .json(#"{"error":"bad signature"}"#, status: 401)
        case .garbage: RealNameProvider.signed(request, json: "<html>网关错误</html>")
        case .offContract: RealNameProvider.signed(request, json: bad)
        case .unsigned: .json(good)
        case .forged: RealNameProvider.signed(request, json: good, secret: "some-other-secret-entirely")
        case .hang: nil
        }
    }
}
