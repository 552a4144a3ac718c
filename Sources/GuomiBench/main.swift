import Foundation
import Guomi

// Prints Guomi's throughput next to OpenSSL's on this machine. Build with `-c release`.

let seconds = 2
let bufferSize = 16 * 1024
let buffer = (0..<bufferSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
let key = (0..<16).map { UInt8($0) }
let nonce = [UInt8](repeating: 9, count: 12)
let megabyte = 1_000_000.0

func row(_ name: String, _ ours: Double, _ theirs: Double?, goal: Double) {
    let oursText = String(format: "%10.1f", ours)
    guard let theirs else {
        print("\(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(oursText)   openssl: n/a")
        return
    }
    let ratio = ours / theirs
    let verdict = ratio >= goal ? "meets" : "BELOW"
    print(
        "\(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(oursText)   openssl \(String(format: "%10.1f", theirs))"
            + "   ratio \(String(format: "%.2f", ratio))  (goal ≥ \(goal), \(verdict))")
}

let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
let cpuModel =
    cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
    ?? "unknown CPU"
print("Guomi benchmark — \(cpuModel), \(ProcessInfo.processInfo.processorCount) cores, \(OpenSSLSpeed.version)")
print("buffers of \(bufferSize) bytes, \(seconds) s per figure; openssl via `openssl speed -mr -seconds \(seconds)`\n")

let sm3Rate = Measure.rate(seconds: Double(seconds)) { _ = SM3.hash(buffer) } * Double(bufferSize) / megabyte
row("SM3 MB/s", sm3Rate, OpenSSLSpeed.evp("sm3", seconds: seconds).map { $0 / megabyte }, goal: 0.5)

let gcm = try SM4GCM(key: key)
let gcmRate =
    try Measure.rate(seconds: Double(seconds)) { _ = try gcm.seal(buffer, nonce: nonce) } * Double(bufferSize)
    / megabyte
let ctr = try SM4CTR(key: key)
let ctrRate =
    try Measure.rate(seconds: Double(seconds)) { _ = try ctr.crypt(buffer, counter: key) } * Double(bufferSize)
    / megabyte
if let openSSLGCM = OpenSSLSpeed.evp("sm4-gcm", seconds: seconds) {
    row("SM4-GCM MB/s", gcmRate, openSSLGCM / megabyte, goal: 0.5)
} else {
    let openSSLCTR = OpenSSLSpeed.evp("sm4-ctr", seconds: seconds).map { $0 / megabyte }
    print("(this openssl has no SM4-GCM; our SM4-GCM is compared with openssl SM4-CTR, which does less work)")
    row("SM4-GCM vs CTR MB/s", gcmRate, openSSLCTR, goal: 0.5)
    row("SM4-CTR MB/s", ctrRate, openSSLCTR, goal: 0.5)
}

let privateKey = SM2PrivateKey()
let message = Array(buffer.prefix(32))
let signature = try privateKey.signature(for: message)
let signRate = try Measure.rate(seconds: Double(seconds)) { _ = try privateKey.signature(for: message) }
let verifyRate = Measure.rate(seconds: Double(seconds)) {
    precondition(privateKey.publicKey.isValidSignature(signature, for: message))
}
let openSSLSM2 = OpenSSLSpeed.sm2(seconds: seconds)
row("SM2 sign/s", signRate, openSSLSM2?.sign, goal: 0.25)
row("SM2 verify/s", verifyRate, openSSLSM2?.verify, goal: 0.25)
