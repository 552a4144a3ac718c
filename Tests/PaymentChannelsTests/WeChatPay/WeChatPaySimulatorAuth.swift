import Crypto
import Foundation
import Kernel
import _CryptoExtras

/// The simulator's side of APIv3 request signing, written apart from the adapter so that a test
/// passing proves the adapter signs the way WeChat Pay checks, not the way it checks itself.
struct WeChatPaySimulatorAuth: Sendable {
    let merchantID: String
    let serialNumber: String
    let merchantKey: _RSA.Signing.PublicKey
    let clock: any Clock

    /// True when `authorization` is a valid `WECHATPAY2-SHA256-RSA2048` header for this request.
    func verify(method: String, target: String, authorization: String?, body: [UInt8]) -> Bool {
        let scheme = "WECHATPAY2-SHA256-RSA2048 "
        guard let authorization, authorization.hasPrefix(scheme) else { return false }
        var fields: [String: String] = [:]
        for pair in authorization.dropFirst(scheme.count).split(separator: ",") {
            guard let equals = pair.firstIndex(of: "=") else { return false }
            let value = pair[pair.index(after: equals)...]
            guard value.count >= 2, value.first == "\"", value.last == "\"" else { return false }
            fields[String(pair[..<equals])] = String(value.dropFirst().dropLast())
        }
        guard fields["mchid"] == merchantID, fields["serial_no"] == serialNumber,
            let nonce = fields["nonce_str"], !nonce.isEmpty,
            let timestamp = fields["timestamp"].flatMap(Int64.init),
            abs(clock.now().timeIntervalSince1970 - Double(timestamp)) <= 300,
            let signature = fields["signature"].flatMap({ Data(base64Encoded: $0) })
        else { return false }
        let message = Data("\(method)\n\(target)\n\(timestamp)\n\(nonce)\n".utf8) + Data(body) + Data("\n".utf8)
        return merchantKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: message),
            padding: .insecurePKCS1v1_5)
    }

    /// WeChat Pay's signature over `timestamp\nnonce\nbody\n`, as responses and notifications carry it.
    static func sign(timestamp: String, nonce: String, body: [UInt8], with key: _RSA.Signing.PrivateKey) throws
        -> String
    {
        let message = Data("\(timestamp)\n\(nonce)\n".utf8) + Data(body) + Data("\n".utf8)
        return try key.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5).rawRepresentation
            .base64EncodedString()
    }
}
