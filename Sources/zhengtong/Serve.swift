import ArgumentParser
import Hummingbird
import Logging
import Server

/// `zhengtong serve`: migrate, seed in demo mode, and serve HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "启动服务（默认 http://127.0.0.1:8080）。")

    func run() async throws {
        let configuration = try await AppConfiguration.load()
        let logger = LogSetup.bootstrap(configuration)
        let platform = try await Platform(configuration: configuration, logger: logger)
        do {
            let app = try await buildApplication(platform: platform, logger: logger)
            try await app.runService()
        } catch {
            try? await platform.shutdown()
            throw error
        }
        try await platform.shutdown()
    }
}
