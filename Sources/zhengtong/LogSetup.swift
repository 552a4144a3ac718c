import Logging
import Server

extension LogSetup {
    /// Sets up process-wide logging from configuration and returns the server's logger.
    static func bootstrap(_ configuration: AppConfiguration) -> Logger {
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        if configuration.logFormat == "json" {
            LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        var logger = Logger(label: "zhengtong")
        logger.logLevel = level
        return logger
    }
}

/// The command's logging set-up.
enum LogSetup {}
