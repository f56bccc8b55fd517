import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite
import Support

struct CompanyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company",
        abstract: "One company's profile: identity, rounds, investments, money flows, loops, claims, sources.",
        discussion: HelpText.reflowed("""
            NAME is a name, an alias, a unique start of a name, a misspelling close to one name, or #ID;
            stderr says what it resolved to. A group's profile includes its units' facts.
            Sections: company, rounds, investments, flows, loops, claims, sources (--section for one).
            Tables print a title above each section and the company as field/value rows; csv, tsv and
            line print the sections one after another; json prints one object with a key per section
            (company an object, the others arrays); jsonl one object per row with its section.
            """))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The company.") var name: String
    @Option(help: ArgumentHelp("Only this section.", valueName: "section")) var section: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Rows per section at most (0: all).", valueName: "n")) var limit = 50

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if output.columns != nil && section == nil { throw ValidationError("--columns needs --section (each section has its own columns)") }
    }

    func run() throws {
        try reportingErrors {
            let db = try database.open(.read)
            let resolution = try CompanyNames(db: db).resolve(name)
            if let note = resolution.note(for: .company) { Terminal.error("aikb: " + note) }
            let sections = try CompanyProfile.sections(
                of: resolution.company, only: section, limit: limit == 0 ? nil : limit + 1, in: db)
            if sections.contains(where: { $0.name == "loops" }) { try warnIfLoopsAreBehind(db) }
            let out = OutputStream.standardOutput
            let format = output.resolved
            let options = output.options
            var truncated: [String] = []
            /// Prints a section's rows (at most `limit`) through `printer`; `prefix` values go first.
            func printSection(_ section: CompanyProfile.Section, with printer: RowPrinter, prefix: [Value] = [], extra: [String] = []) throws {
                let columns = extra.map { OutputColumn(name: $0) } + section.statement.columnNames.map {
                    OutputColumn(name: $0, unit: section.units[$0].flatMap(ColumnUnit.init(rawValue:)))
                }
                try printer.begin(columns: columns)
                var count = 0
                try section.statement.forEachRow { row in
                    count += 1
                    if limit > 0 && count > limit { return }
                    if prefix.isEmpty { printer.write(row) } else { printer.write(prefix + row.values) }
                }
                printer.end()
                if limit > 0 && count > limit { truncated.append(section.name) }
            }

            switch format {
            case .json:
                out.write("{")
                for (index, section) in sections.enumerated() {
                    out.write((index > 0 ? ",\n" : "") + JSON.string(section.name) + ":")
                    // The company is one object (jsonl prints it bare), the other sections arrays.
                    let printer = RowPrinter(format: section.name == "company" ? .jsonl : .json, output: out, options: options)
                    try printSection(section, with: printer)
                }
                out.write("}\n")
                out.flush()
            case .jsonl:
                let printer = RowPrinter(format: .jsonl, output: out, options: options)
                for section in sections { try printSection(section, with: printer, prefix: [.text(section.name)], extra: ["section"]) }
            case .table, .box, .markdown:
                for (index, section) in sections.enumerated() {
                    out.write((index > 0 ? "\n" : "") + (format == .markdown ? "## " : "") + section.title + "\n")
                    if format == .markdown { out.write("\n") }
                    out.flush()
                    if section.name == "company" {
                        try printTransposed(section, format: format, options: options, out: out)
                    } else {
                        try printSection(section, with: RowPrinter(format: format, output: out, options: options))
                    }
                }
            case .line, .csv, .tsv:
                for (index, section) in sections.enumerated() {
                    if format == .line {
                        out.write((index > 0 ? "\n" : "") + "-- " + section.title + "\n\n")
                        out.flush()
                    }
                    try printSection(section, with: RowPrinter(format: format, output: out, options: options))
                }
            }
            for name in truncated {
                Terminal.error("aikb: \(name): more than \(limit) rows; --limit 0 shows them all")
            }
        }
    }

    /// The company's one row as field/value rows, its empty fields left out.
    private func printTransposed(
        _ section: CompanyProfile.Section, format: OutputFormat, options: OutputOptions, out: OutputStream
    ) throws {
        let names = section.statement.columnNames
        var pairs: [[Value]] = []
        try section.statement.forEachRow { row in
            for (index, name) in names.enumerated() where !row.isNull(at: index) {
                pairs.append([.text(name), row.value(at: index)])
            }
        }
        var transposed = options
        transposed.columns = nil
        let printer = RowPrinter(format: format, output: out, options: transposed)
        try printer.begin(columns: ["field", "value"])
        for pair in pairs { printer.write(pair) }
        printer.end()
    }
}
