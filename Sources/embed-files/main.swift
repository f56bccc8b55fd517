// Writes a Swift source file that holds the given files' text, so the `aikb`
// binary carries its migrations and seeds and needs nothing beside it at run time.
//
// Usage: embed-files OUTPUT.swift GROUP=FOLDER=SUFFIX ...
// Each GROUP becomes `EmbeddedFiles.GROUP`, an array of (name, contents) of the
// files under FOLDER (subfolders too) whose names end in SUFFIX, named by their path
// relative to FOLDER (`epoch/gpu_clusters.csv`) and sorted by it. Contents are written as single-line raw string literals with
// escapes for control characters, so every byte (CR included) survives exactly.
import Foundation
import Support

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-files: \(message)\n".utf8))
    exit(1)
}

func literal(_ bytes: [UInt8], path: String) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else { fail("\(path): not valid UTF-8") }
    // Enough #s that no `"` or `\` in the text can end the literal or start an escape.
    var longestRun = 0, run = 0
    for byte in bytes {
        if byte == UInt8(ascii: "#") { run += 1; longestRun = max(longestRun, run) } else { run = 0 }
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    var out = hashes + "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\" + hashes + "n"
        case "\r": out += "\\" + hashes + "r"
        case "\t": out += "\\" + hashes + "t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            out += "\\" + hashes + "u{" + String(scalar.value, radix: 16) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\"" + hashes
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else { fail("usage: embed-files OUTPUT.swift GROUP=FOLDER=SUFFIX ...") }
var groups: [(name: String, files: [(name: String, literal: String, sha256: String)])] = []
for argument in arguments.dropFirst() {
    let parts = argument.split(separator: "=", maxSplits: 2).map(String.init)
    guard parts.count == 3 else { fail("expected GROUP=FOLDER=SUFFIX, got \(argument)") }
    let (group, folder, suffix) = (parts[0], parts[1], parts[2])
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { fail("cannot list \(folder)") }
    var names: [String] = []
    while let relative = enumerator.nextObject() as? String {
        if relative.hasSuffix(suffix) { names.append(relative) }
    }
    var files: [(name: String, literal: String, sha256: String)] = []
    for name in names.sorted() {
        let path = folder + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        let bytes = [UInt8](data)
        files.append((name: name, literal: literal(bytes, path: path), sha256: SHA256.hex(bytes)))
    }
    groups.append((group, files))
}

var source = """
    // Generated at build time by the embed-files tool from the package's
    // Migrations/ and Seeds/ folders. Do not edit: edit those files.

    /// A file carried inside the binary.
    package struct EmbeddedFile: Sendable {
        package let name: String
        package let contents: String
        /// SHA-256 of the file's bytes, computed at build time.
        package let sha256: String
    }

    package enum EmbeddedFiles {

    """
for group in groups {
    source += "    package static let \(group.name): [EmbeddedFile] = [\n"
    for file in group.files {
        source += "        EmbeddedFile(name: \"\(file.name)\", contents: \(file.literal), sha256: \"\(file.sha256)\"),\n"
    }
    source += "    ]\n"
}
for missing in ["migrations", "seeds"] where !groups.contains(where: { $0.name == missing }) {
    source += "    package static let \(missing): [EmbeddedFile] = []\n"
}
source += "}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    fail("cannot write \(output): \(error)")
}
