import Foundation

/// Runs the `openssl` command line tool with files in a fresh temporary directory.
struct OpenSSL {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("guomi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    func readText(_ name: String) throws -> String {
        String(decoding: try read(name), as: UTF8.self)
    }

    /// One `openssl` at a time in this test process: a CI run crashed inside corelibs Foundation's
    /// `Process.run()` (a memmove on freed memory) while parameterised tests started several at once.
    private static let launches = NSLock()

    /// Runs `openssl arguments…` and returns its exit status and standard output.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
        Self.launches.lock()
        defer { Self.launches.unlock() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](output))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Random bytes for interop tests (test data, not keys).
func randomBytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255) }
}
