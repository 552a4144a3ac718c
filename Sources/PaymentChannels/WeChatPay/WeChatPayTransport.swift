import AsyncHTTPClient
import Foundation
import Kernel
import NIOCore

/// One signed exchange with the WeChat Pay API: signs the request, reads a bounded answer and
/// verifies its signature before anything in it is believed.
struct WeChatPayTransport: Sendable {
    /// The methods the adapter uses.
    enum Method: String {
        case get = "GET"
        case post = "POST"
    }

    /// A verified answer.
    struct Answer {
        var status: Int
        var body: [UInt8]
    }

    /// The largest API answer read; real answers are a few hundred bytes.
    static let answerLimit = 256 * 1024

    let configuration: WeChatPayConfiguration
    let client: HTTPClient
    let clock: any Clock
    let timeout: TimeAmount
    let signer: WeChatPaySigner
    let verifier: WeChatPayVerifier

    /// Sends `body` to `path` (with its query) under the base URL. A 5xx or an unreachable server is
    /// `.unavailable`; any other answer is returned once its signature verifies.
    func send(_ method: Method, _ path: String, body: [UInt8]? = nil) async throws(PaymentChannelError) -> Answer {
        let url = configuration.baseURL.absoluteString + path
        let (status, headers, bytes) = try await exchange(
            method, url: url, target: configuration.basePath + path, body: body, limit: Self.answerLimit)
        guard status < 500 else { throw .unavailable("微信支付返回 HTTP \(status)") }
        try verifier.verify(headers: headers, body: bytes)
        return Answer(status: status, body: bytes)
    }

    /// Downloads a bill file from `url`, which must be on the API's own host: WeChat Pay does not
    /// sign bill files (the caller checks the announced hash instead).
    func download(_ url: String, limit: Int) async throws(PaymentChannelError) -> [UInt8] {
        guard let parts = URLComponents(string: url), parts.scheme == configuration.baseURL.scheme,
            parts.host == configuration.baseURL.host, parts.port == configuration.baseURL.port,
            parts.percentEncodedPath.hasPrefix("/")
        else { throw .malformed("账单下载地址不在微信支付的接口域名下") }
        let target = parts.percentEncodedPath + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
        let (status, _, bytes) = try await exchange(.get, url: url, target: target, body: nil, limit: limit)
        guard status < 500 else { throw .unavailable("微信支付返回 HTTP \(status)") }
        guard status == 200 else { throw .refused(code: "HTTP_\(status)", message: "账单文件下载失败") }
        return bytes
    }

    /// The error an unsuccessful verified answer stands for; `duplicates` are the codes that mean
    /// the trade number is already taken.
    static func failure(_ answer: Answer, duplicates: Set<String> = []) -> PaymentChannelError {
        guard let failure = WeChatPayWire.decode(WeChatPayWire.Failure.self, from: answer.body) else {
            return .malformed("微信支付返回 HTTP \(answer.status)，应答不是错误报文")
        }
        if duplicates.contains(failure.code) { return .alreadyExists }
        let message = String((failure.message ?? "").prefix(200))
        switch failure.code {
        case "SYSTEM_ERROR", "SYSTEMERROR", "FREQUENCY_LIMITED", "BANK_ERROR":
            return .unavailable("\(failure.code) \(message)")
        default:
            return .refused(code: String(failure.code.prefix(64)), message: message)
        }
    }

    private func exchange(_ method: Method, url: String, target: String, body: [UInt8]?, limit: Int)
        async throws(PaymentChannelError) -> (Int, [String: String], [UInt8])
    {
        let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
        let authorization = try signer.authorization(
            method: method.rawValue, target: target, timestamp: timestamp, nonce: WeChatPaySigner.makeNonce(),
            body: body ?? [])
        var request = HTTPClientRequest(url: url)
        request.method = method == .post ? .POST : .GET
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "zhengtong-wechatpay/1")
        request.headers.add(name: "Wechatpay-Serial", value: configuration.platformPublicKeyID)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client.execute(request, timeout: timeout)
            var headers: [String: String] = [:]
            for (name, value) in response.headers where name.lowercased().hasPrefix("wechatpay-") {
                headers[name.lowercased()] = value
            }
            let bytes = Array(buffer: try await response.body.collect(upTo: limit))
            return (Int(response.status.code), headers, bytes)
        } catch {
            throw .unavailable("无法连接微信支付：\(error)")
        }
    }
}
