/// The names a piece of SQL mentions, found without parsing it: every identifier
/// outside string literals and comments, with the alias each is given
/// (`FROM companies c`, `JOIN sources AS s`). For "did you mean" hints about SQL that
/// did not compile, so that a misspelt column is matched against the columns of
/// the tables the statement reads rather than those of every table.
struct SQLNames {
    /// The identifiers in order, unquoted.
    let identifiers: [String]

    init(_ sql: String) {
        var names: [String] = []
        let characters = Array(sql)
        var index = 0
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "$" }
        while index < characters.count {
            let c = characters[index]
            if c == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if c == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                index += 2
            } else if c == "'" {
                index += 1
                while index < characters.count {
                    if characters[index] == "'" {
                        if index + 1 < characters.count, characters[index + 1] == "'" { index += 2; continue }
                        break
                    }
                    index += 1
                }
                index += 1
            } else if c == "\"" || c == "`" || c == "[" {
                let close: Character = c == "[" ? "]" : c
                var name = ""
                index += 1
                while index < characters.count {
                    if characters[index] == close {
                        if close != "]", index + 1 < characters.count, characters[index + 1] == close {
                            name.append(close)
                            index += 2
                            continue
                        }
                        break
                    }
                    name.append(characters[index])
                    index += 1
                }
                index += 1
                names.append(name)
            } else if c.isLetter || c == "_" {
                var name = ""
                while index < characters.count, isWordCharacter(characters[index]) {
                    name.append(characters[index])
                    index += 1
                }
                names.append(name)
            } else {
                index += 1
            }
        }
        identifiers = names
    }

    /// The objects among `known` (tables and views) that the SQL mentions, each with
    /// the aliases it is given; names compared ignoring case, as SQLite does.
    func objects(among known: [String]) -> [(name: String, aliases: [String])] {
        let byLowercase = Dictionary(known.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var found: [(name: String, aliases: [String])] = []
        for (index, identifier) in identifiers.enumerated() {
            guard let name = byLowercase[identifier.lowercased()] else { continue }
            var aliases: [String] = []
            var next = index + 1
            if next < identifiers.count, identifiers[next].lowercased() == "as" { next += 1 }
            if next < identifiers.count, !Self.keywords.contains(identifiers[next].lowercased()) {
                aliases.append(identifiers[next])
            }
            if let existing = found.firstIndex(where: { $0.name == name }) {
                found[existing].aliases += aliases
            } else {
                found.append((name, aliases))
            }
        }
        return found
    }

    /// Words that may follow a table name and are not an alias.
    static let keywords: Set<String> = [
        "where", "join", "left", "right", "full", "inner", "outer", "cross", "natural", "on", "using", "group", "order",
        "limit", "offset", "union", "intersect", "except", "window", "having", "as", "not", "indexed", "set", "values",
        "select", "from", "and", "or", "is", "in", "like", "glob", "between", "case", "when", "then", "else", "end",
        "returning", "default", "do", "nothing", "conflict",
    ]
}
