import Foundation
import Kernel
import Signing

// Offline license verifications/s next to the raw signature verifications/s they are built on, measured
// in alternating rounds of the same run (issue 8, point 10). Build with `-c release`.
//
//     licenses-bench [seconds]     seconds of timing per figure (default 5); each line takes twice that
//
// The last line is JSON for scripts/bench. Exits 1 if any verification fails.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count <= 1, let seconds = Double(arguments.first ?? "5"), seconds > 0, seconds.isFinite else {
    FileHandle.standardError.write(Data("usage: licenses-bench [seconds per figure, default 5]\n".utf8))
    exit(2)
}

let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
let cpuModel =
    cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
    ?? "unknown CPU"

/// One output line: the algorithm, its two rates and their ratio.
struct BenchLine {
    let label: String
    let license: BenchLicense
    let rates: Alternating.Rates
}

do {
    let lines = try [(SigningAlgorithm.sm2, "SM2 (SM3, Guomi)"), (.es256, "ES256 (swift-crypto)")].map {
        algorithm, label in
        let license = try BenchLicense(algorithm)
        let rates = try Alternating(seconds: seconds).rates(
            baseline: license.rawVerify, measured: license.verifyOnce)
        return BenchLine(label: label, license: license, rates: rates)
    }
    let sample = lines[0].license
    print("licenses-bench — \(cpuModel), \(ProcessInfo.processInfo.processorCount) cores")
    print(
        "a 食品经营许可证 code (\(BenchLicense.typeKey)): \(sample.code.utf8.count) characters, "
            + "COSE_Sign1 \(sample.coseSize) bytes, Sig_structure \(sample.signatureInput.count) bytes; "
            + "\(seconds) s per figure in alternating rounds of 0.25 s\n")
    func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
    print(
        "algorithm".padding(toLength: 24, withPad: " ", startingAt: 0) + pad("raw verify/s", 14)
            + pad("license verify/s", 18) + pad("ratio", 8))
    for line in lines {
        print(
            line.label.padding(toLength: 24, withPad: " ", startingAt: 0)
                + pad(String(format: "%.1f", line.rates.baseline), 14)
                + pad(String(format: "%.1f", line.rates.measured), 18)
                + pad(String(format: "%.3f", line.rates.ratio), 8))
    }
    var summary: [String: Any] = ["seconds": seconds, "code_characters": sample.code.utf8.count]
    for line in lines {
        let name = line.license.algorithm.rawValue.lowercased()
        summary["\(name)_raw_per_s"] = line.rates.baseline
        summary["\(name)_license_per_s"] = line.rates.measured
        summary["\(name)_ratio"] = line.rates.ratio
    }
    let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("licenses-bench failed: \(error)\n".utf8))
    exit(1)
}
