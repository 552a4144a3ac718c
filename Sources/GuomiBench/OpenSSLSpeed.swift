import Foundation

/// Runs `openssl speed -mr` and extracts the figures the report compares against.
enum OpenSSLSpeed {
    /// Runs openssl with `arguments` and returns standard output, or nil if it failed.
    static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Bytes per second on 16 KiB buffers for an EVP cipher or digest, or nil if unsupported.
    static func evp(_ name: String, seconds: Int) -> Double? {
        guard let output = run(["speed", "-mr", "-seconds", String(seconds), "-evp", name]) else { return nil }
        for line in output.split(separator: "\n") where line.hasPrefix("+F:") {
            return line.split(separator: ":").last.flatMap { Double($0) }
        }
        return nil
    }

    /// SM2 (sign/s, verify/s), or nil if this openssl has no `speed sm2`.
    static func sm2(seconds: Int) -> (sign: Double, verify: Double)? {
        guard let output = run(["speed", "-mr", "-seconds", String(seconds), "sm2"]) else { return nil }
        for line in output.split(separator: "\n") where line.hasPrefix("+F7:") {
            let fields = line.split(separator: ":")
            guard fields.count >= 6, let sign = Double(fields[4]), let verify = Double(fields[5]) else { continue }
            return (sign, verify)
        }
        return nil
    }

    /// The `openssl version` line.
    static var version: String {
        run(["version"])?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "openssl not found"
    }
}
