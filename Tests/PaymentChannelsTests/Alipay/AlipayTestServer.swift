import Hummingbird

/// Runs a Hummingbird router on 127.0.0.1 at a port the operating system picks, for the Alipay
/// simulator and for the receiver that stands in for Zhengtong's notification endpoint.
enum AlipayTestServer {
    /// Why a server could not be started.
    struct NotStarted: Error {}

    /// Starts `router`, runs `body` with the port it listens on, then stops the server.
    static func run<T: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: (Int) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // If the server never starts, finishing the stream keeps the test from waiting forever.
                defer { continuation.finish() }
                try await app.runService(gracefulShutdownSignals: [])
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw NotStarted()
            }
            do {
                let result = try await body(port)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}
