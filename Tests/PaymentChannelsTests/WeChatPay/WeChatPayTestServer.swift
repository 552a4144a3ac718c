import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Runs a Hummingbird router on 127.0.0.1 with a port the system picks, for the span of `body`.
enum WeChatPayTestServer {
    /// Starts the server, hands its port to `body`, and shuts the server down gracefully after.
    static func run<Result: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "wechatpay-test-server")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }, logger: logger)
        let services = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            do {
                guard port > 0 else { throw CancellationError() }
                let result = try await body(port)
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
