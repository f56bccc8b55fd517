/// Terminal display width: wide East Asian characters and emoji take two cells, a
/// character with combining marks counts as its base character.
enum TextWidth {
    /// The code points a terminal draws two cells wide (East Asian Wide and Fullwidth,
    /// and the emoji blocks), sorted.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    static let ellipsis: Character = "…"

    static func of(_ text: String) -> Int {
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x1100 { return 1 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// The text cut to at most `width` cells, ending in `…` where it was cut.
    static func clip(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let cells = of(character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        result.append(ellipsis)
        return result
    }

    /// The text padded with spaces to `width` cells, on the left when `right` (numbers).
    static func pad(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }

    /// The text in lines of at most `width` cells, broken at spaces (a word longer than
    /// a line is cut).
    static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let word = String(word)
            if line.isEmpty {
                line = word
            } else if of(line) + 1 + of(word) <= width {
                line += " " + word
            } else {
                lines.append(clip(line, to: width))
                line = word
            }
        }
        if !line.isEmpty { lines.append(clip(line, to: width)) }
        return lines
    }
}
