import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request the local contract server received.
struct ContractRequest: Sendable {
    var method: String
    var path: String
    var headers: [String: String]
    var body: [UInt8]

    func header(_ name: String) -> String { headers[name.lowercased()] ?? "" }
}

/// What the local contract server answers; nil makes it hang until the client gives up.
struct ContractReply: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static func json(_ text: String, status: Int = 200) -> ContractReply {
        ContractReply(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 and a free port, built on NIO (the identity tests do not
/// depend on Hummingbird), answering every request with `respond`.
final class ContractServer: Sendable {
    private let channel: any Channel
    private let connections: NIOLockedValueBox<[any Channel]>
    /// The port it listens on.
    let port: Int

    private init(channel: any Channel, connections: NIOLockedValueBox<[any Channel]>) {
        self.channel = channel
        self.connections = connections
        self.port = channel.localAddress?.port ?? 0
    }

    /// Runs `body` with a server answering with `respond`, then stops it.
    static func with<T: Sendable>(
        _ respond: @escaping @Sendable (ContractRequest) -> ContractReply?,
        _ body: @Sendable (ContractServer) async throws -> T
    ) async throws -> T {
        let connections = NIOLockedValueBox<[any Channel]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                connections.withLockedValue { $0.append(child) }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(Handler(respond: respond))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ContractServer(channel: channel, connections: connections)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private func stop() async {
        for child in connections.withLockedValue({ $0 }) { try? await child.close() }
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let respond: @Sendable (ContractRequest) -> ContractReply?
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(respond: @escaping @Sendable (ContractRequest) -> ContractReply?) { self.respond = respond }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head else { return }
                var headers: [String: String] = [:]
                for (name, value) in head.headers { headers[name.lowercased()] = value }
                let request = ContractRequest(
                    method: head.method.rawValue, path: head.uri, headers: headers, body: body)
                guard let reply = respond(request) else { return }
                var responseHeaders = HTTPHeaders(reply.headers)
                responseHeaders.replaceOrAdd(name: "Content-Length", value: String(reply.body.count))
                responseHeaders.replaceOrAdd(name: "Connection", value: "close")
                let status = HTTPResponseStatus(statusCode: reply.status)
                context.write(
                    wrapOutboundOut(
                        .head(HTTPResponseHead(version: head.version, status: status, headers: responseHeaders))),
                    promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
            }
        }
    }
}
