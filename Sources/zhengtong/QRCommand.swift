import ArgumentParser
import Foundation
import Kernel

/// `zhengtong qr`: prints the SVG of a QR code for a text, so the encoder can be checked with a real
/// scanner and operators can make a code by hand.
struct QRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "把一段文字编成二维码，向标准输出打印 SVG。",
        discussion: """
            文字全部由 0–9、大写字母、空格和 $%*+-./: 组成时（如 Base45）用字母数字模式，否则按 UTF-8 字节编码。
            不给文字时从标准输入读取，去掉末尾的一个换行。
            """)

    /// More than any symbol holds; standard input is not read past it.
    static let inputLimit = 65_536

    @Argument(help: "要编码的文字；省略时从标准输入读取。")
    var text: String?

    @Option(help: "纠错等级：L（约 7%）、M（约 15%，缺省）、Q（约 25%）或 H（约 30%）。", transform: Self.level)
    var level: QRErrorCorrection = .medium

    @Option(help: "SVG 的无障碍名称。")
    var label = "二维码"

    /// Parses a level letter, either case.
    static func level(_ letter: String) throws -> QRErrorCorrection {
        guard let level = QRErrorCorrection(rawValue: letter.uppercased()) else {
            throw ValidationError("纠错等级应为 L、M、Q 或 H，而不是“\(letter)”。")
        }
        return level
    }

    func run() throws {
        let payload = try text ?? Self.readStandardInput()
        do {
            print(try QRCode(text: payload, level: level).svg(label: label))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// Standard input as UTF-8 text, less one trailing line break.
    static func readStandardInput() throws -> String {
        let data = try FileHandle.standardInput.read(upToCount: inputLimit + 1) ?? Data()
        guard data.count <= inputLimit else { throw ValidationError("标准输入超过 \(inputLimit) 字节，任何二维码都装不下。") }
        guard var text = String(data: data, encoding: .utf8) else { throw ValidationError("标准输入不是有效的 UTF-8 文字。") }
        // "\r\n" is one Character, so one removal takes either kind of line break.
        if text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
