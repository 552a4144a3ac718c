public import Foundation

extension ProcessDefinitionLoader {
    /// Writes a definition in the file format, pretty-printed with sorted keys, so that files are
    /// stable under version control and `load` reads them back to an equal definition.
    public static func encode(_ definition: ProcessDefinition) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(ProcessFile(definition))
        data.append(contentsOf: "\n".utf8)
        return data
    }
}
