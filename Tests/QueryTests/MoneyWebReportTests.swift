import KnowledgeBase
import Query
import SQLite
import Testing

/// The money web on the seeds: the named loops, names resolved in filters, find and the profile.
@Suite struct MoneyWebReportTests {
    static func loop(_ companies: String, in db: Database) throws -> (row: [String: Value], legs: [[Value]]) {
        let statement = try Reports(db: db).query("money_loops", filters: [Filter(column: "companies", op: .equal, value: companies)])
        let names = statement.columnNames
        let found = try rows(statement)
        #expect(found.count == 1, "\(companies)")
        let row = Dictionary(uniqueKeysWithValues: zip(names, found.first ?? []))
        guard case .text(let id)? = row["loop_id"] else { return (row, []) }
        let legs = try rows(Reports(db: db).query("money_loop_legs", filters: [Filter(column: "loop_id", op: .equal, value: id)]))
        return (row, legs)
    }

    /// Each leg's (leg, payer, payee, flow) and that every flow has a source.
    static func shape(_ legs: [[Value]]) -> [[Value]] {
        legs.map { [$0[1], $0[2], $0[3], $0[6]] }
    }

    @Test func theNamedLoopsAreFoundWithTheirLegsAndSources() throws {
        let db = try seededDatabase()
        // NVIDIA → OpenAI → Oracle → NVIDIA: NVIDIA's equity, OpenAI's $300B with Oracle, Oracle's GB200s.
        let stargate = try Self.loop("NVIDIA → OpenAI → Oracle", in: db)
        #expect(stargate.row["length"] == .integer(3))
        #expect(stargate.row["legs"] == .text("equity | cloud_capacity | purchase"))
        #expect(stargate.row["smallest_leg_usd"] == .integer(40_000_000_000))
        #expect(Self.shape(stargate.legs).contains([.integer(2), .text("OpenAI"), .text("Oracle"), .text("cloud_capacity")]))
        #expect(stargate.legs.contains { $0[13] == .text("oracle-openai-2025-09-300b-compute") && $0[9] == .text("S204") })
        #expect(stargate.legs.contains { $0[13] == .text("nvidia-oracle-2025-05-abilene-gb200") && $0[8] == .text("rumored") })

        // Amazon ⇄ Anthropic: Amazon's equity against Anthropic's AWS capacity, AWS named as the unit.
        let amazon = try Self.loop("Anthropic → Amazon", in: db)
        #expect(amazon.legs.contains { $0[2] == .text("Anthropic") && $0[5] == .text("Amazon Web Services") && $0[6] == .text("cloud_capacity") })
        #expect(amazon.legs.contains { $0[2] == .text("Amazon") && $0[6] == .text("equity") && $0[13] == .text("anthropic-2024-11-corporate-round") })

        // Microsoft ⇄ OpenAI: OpenAI's $250B of Azure (the unit), Microsoft's equity.
        let microsoft = try Self.loop("OpenAI → Microsoft", in: db)
        #expect(microsoft.legs.contains {
            $0[5] == .text("Microsoft Azure") && $0[7] == .integer(250_000_000_000) && $0[9] == .text("S305")
        })
        #expect(microsoft.legs.contains { $0[2] == .text("Microsoft") && $0[6] == .text("equity") })

        // NVIDIA ⇄ CoreWeave: NVIDIA's equity, leaseback and backstop; CoreWeave's Rubin
        // platform commitment, only announced and with no stated value.
        let coreweave = try Self.loop("NVIDIA → CoreWeave", in: db)
        #expect(coreweave.row["legs"] == .text("equity+leaseback+capacity_backstop | purchase"))
        #expect(coreweave.row["smallest_leg_usd"] == .null)
        #expect(coreweave.row["unconfirmed_legs"] == .integer(1))
        #expect(coreweave.legs.contains { $0[13] == .text("coreweave-nvidia-2025-09-capacity-backstop") && $0[7] == .integer(6_300_000_000) })

        // Every leg of every loop has its source; the loops list each cycle once.
        let all = try rows(Reports(db: db).query("money_loop_legs"))
        #expect(all.allSatisfy { if case .text(let source) = $0[9] { source.hasPrefix("S") } else { false } })
        let companies = try db.strings("SELECT companies FROM money_loops")
        #expect(Set(companies).count == companies.count)
        #expect(try db.firstValue("SELECT count(*) FROM money_loops") == .integer(48))
    }

    @Test func filtersResolveNamesTheSameWayEverywhere() throws {
        let db = try seededDatabase()
        let reports = Reports(db: db)
        var notes: [String] = []
        // A misspelling, an alias, a unit standing for its group, a word of a name.
        let typo = try rows(reports.query("money_flows", filters: [try Filter.parse("payee=corewave")], resolved: { notes.append($0) }))
        #expect(!typo.isEmpty && typo.allSatisfy { $0[1] == .text("CoreWeave") })
        let unit = try rows(reports.query("portfolio", filters: [try Filter.parse("investor=Google")], resolved: { notes.append($0) }))
        #expect(!unit.isEmpty && unit.allSatisfy { $0[0] == .text("Alphabet") })
        let prefix = try rows(reports.query("portfolio_rounds", filters: [try Filter.parse("company=Cerebras")], resolved: { notes.append($0) }))
        _ = prefix
        let alias = try rows(reports.query("money_flows", filters: [try Filter.parse("payee_group=AWS")], resolved: { notes.append($0) }))
        #expect(!alias.isEmpty && alias.allSatisfy { $0[14] == .text("Amazon") })
        #expect(notes == [
            "company \"corewave\" is CoreWeave (the closest name)",
            "company \"Google\" is Alphabet (Google is a unit of Alphabet)",
            "company \"Cerebras\" is Cerebras Systems (Cerebras is an alias of Cerebras Systems)",
            "company \"AWS\" is Amazon (AWS is an alias of Amazon Web Services; Amazon Web Services is a unit of Amazon)",
        ])
        // Facets resolve the same way.
        var facetNotes: [String] = []
        let facets = try rows(Facets.query("money_flows", columns: ["flow"], filters: [try Filter.parse("payer_group=nvidai")], in: db,
                                           resolved: { facetNotes.append($0) }))
        #expect(!facets.isEmpty)
        #expect(facetNotes == ["company \"nvidai\" is NVIDIA (the closest name)"])
        // An unknown name is an error, never an empty result.
        let unknown = #expect(throws: KnowledgeBaseError.self) {
            try reports.query("money_flows", filters: [try Filter.parse("payer=Zzyzx Holdings")])
        }
        #expect(unknown?.category == .invalidInput)
        #expect(unknown?.message.hasPrefix("unknown company \"Zzyzx Holdings\"") == true)
        // Several companies a word names: an error listing them.
        let several = #expect(throws: KnowledgeBaseError.self) {
            try reports.query("money_flows", filters: [try Filter.parse("payer=Valor")])
        }
        #expect(several?.message.hasPrefix("\"Valor\" names 2 companies: Valor Compute Infrastructure (#") == true, "\(several?.message ?? "")")
        // Values are checked against the column: a date must be one, a number a number.
        let date = #expect(throws: KnowledgeBaseError.self) { try reports.query("money_flows", filters: [try Filter.parse("announced_on>=2025-13")]) }
        #expect(date?.message == "--where announced_on>=2025-13: announced_on is a date; expected YYYY-MM-DD, YYYY-MM or YYYY, a real one")
        let number = #expect(throws: KnowledgeBaseError.self) { try reports.query("circular_financing", filters: [try Filter.parse("circular_ratio>abc")]) }
        #expect(number?.message == "--where circular_ratio>abc: circular_ratio is a number (ratio); \"abc\" is not one")
        #expect(try !rows(reports.query("money_flows", filters: [try Filter.parse("announced_on>=2025-09")])).isEmpty)
    }

    @Test func theResolverSaysWhatItDid() throws {
        let db = try seededDatabase()
        let names = try CompanyNames(db: db)
        #expect(try names.resolve("NVIDIA").note(for: .company) == nil)
        #expect(try names.resolve("nvidia").company.name == "NVIDIA")
        #expect(try names.resolve("NVentures").value(for: .group).name == "NVIDIA")
        #expect(try names.resolve("Mistral").company.name == "Mistral AI")
        #expect(try names.resolve("Anthropik").match == .spelling)
        let id = try names.resolve("#1")
        #expect(id.match == .id)
        #expect(try names.resolve(id.company.name).company == id.company)
        // The search index finds the candidates of a misspelling in a large knowledge base.
        names.comparedInFull = 0
        #expect(try names.resolve("corewave").company.name == "CoreWeave")
        #expect(try names.resolve("Micrsoft").company.name == "Microsoft")
    }

    /// A misspelling in a large knowledge base reads the search index, not the companies:
    /// counting them all to decide how to look (a count(*), 2,570 page reads at a million
    /// companies) made `aikb find` and `aikb company` pay for every company.
    @Test func aMisspellingReadsAsManyPagesWhateverTheCompanies() throws {
        func pagesRead(companies: Int) throws -> Int {
            let db = try seededDatabase()
            try db.execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(companies))
                INSERT INTO companies (name) SELECT 'Orbit ' || i FROM n
                """)
            try SearchIndex.update(db)
            let names = try CompanyNames(db: db)
            names.comparedInFull = 1_000
            #expect(try names.resolve("corewave").company.name == "CoreWeave")  // the schema and statements read
            db.releaseMemory()
            let (resolution, pages) = try db.countingPageReads { try names.resolve("Micrsoft") }
            #expect(resolution.company.name == "Microsoft")
            return pages
        }
        let few = try pagesRead(companies: 4_000)
        let many = try pagesRead(companies: 32_000)
        #expect(many <= few + few / 4, "\(few) pages read among 4,000 companies, \(many) among 32,000")
    }

    @Test func findAnswersNamesAliasesDealsNotesAndMisspellings() throws {
        let db = try seededDatabase()
        func found(_ text: String) throws -> [[Value]] { try Search.find(text, in: db) }
        #expect(try found("corewave").first == [.text("spelling"), .text("company"), .text("CoreWeave"), .text("1 edit from \"corewave\""),
                                                 try db.firstValue("SELECT '#' || id FROM companies WHERE name = 'CoreWeave'")!])
        let nvidia = try found("nvidia")
        #expect(nvidia.first?[0] == .text("exact"))
        #expect(nvidia.first?[2] == .text("NVIDIA"))
        #expect(nvidia.contains { $0[0] == .text("prefix") && $0[2] == .text("NVIDIA") } == false)  // once, where it matched best
        let aws = try found("AWS")
        #expect(aws.first?[2] == .text("Amazon Web Services"))
        #expect(aws.first?[3] == .text("alias AWS"))
        #expect(aws.contains { $0[0] == .text("deal") && $0[4] == .text("aws-openai-2025-11-38b") })
        let osprey = try found("osprey")
        #expect(osprey.contains { $0[1] == .text("deal") && $0[4] == .text("coreweave-nvidia-2023-osprey-leaseback") })
        #expect(try found("xqzv").isEmpty)
        // Letters beyond ASCII in either case: SQLite's lower() folds ASCII only, so "Öl-"
        // (Crusoe's notes) and "öl-" were found by neither.
        for text in ["Öl- und Gas", "öl- UND gas"] {
            #expect(try found(text).contains { $0[0] == .text("notes") && $0[2] == .text("Crusoe") }, "\(text)")
        }
        #expect(try found("Öl- und Käse").isEmpty)
        // Best first: exact before prefix before contains.
        let matches = try found("Google").map { $0[0] }
        #expect(matches.first == .text("exact"))
        #expect(matches.firstIndex(of: .text("prefix")) ?? 0 < matches.firstIndex(of: .text("notes")) ?? Int.max)
    }

    @Test func theProfileHasEverySection() throws {
        let db = try seededDatabase()
        let names = try CompanyNames(db: db)
        let nvidia = try names.resolve("NVIDIA").company
        let sections = try CompanyProfile.sections(of: nvidia, in: db)
        #expect(sections.map(\.name) == CompanyProfile.sectionNames)
        var contents: [String: [[Value]]] = [:]
        for section in sections { contents[section.name] = try rows(section.statement) }
        #expect(contents["company"]?.first?[0] == .text("NVIDIA"))
        #expect(contents["company"]?.first?[11] == .text("NVentures"))  // its units
        // Its group's investments, NVentures' among them, as nvidia_rounds has them.
        #expect(try contents["investments"]?.count == rows(Reports(db: db).query("nvidia_rounds")).count)
        #expect(contents["investments"]?.contains { $0[1] == .text("NVentures") } == true)
        // Flows per counterparty: what NVIDIA pays CoreWeave, as circular_financing has it.
        #expect(contents["flows"]?.contains { $0[0] == .text("out") && $0[1] == .text("CoreWeave") && $0[4] == .integer(9_950_000_000) } == true)
        // Largest sum first within each direction, unknown sums last: NVIDIA's equity in xAI
        // ($2B) came after Serve Robotics' $3.7M when the order read one flow's amount.
        let flowRows = contents["flows"] ?? []
        #expect(flowRows.count > 20)
        for direction in ["out", "in"] {
            let sums = flowRows.filter { $0[0] == .text(direction) }.map { row -> Int64? in
                if case .integer(let amount) = row[4] { return amount }
                return nil
            }
            let known = sums.prefix { $0 != nil }.compactMap { $0 }
            #expect(sums.dropFirst(known.count).allSatisfy { $0 == nil }, "\(direction): a known sum after an unknown one")
            #expect(known == known.sorted(by: >), "\(direction): \(known)")
        }
        #expect(contents["loops"]?.contains { $0[1] == .text("NVIDIA → OpenAI → Oracle") } == true)
        #expect(contents["claims"]?.contains { $0[0] == .text("W08") && $0[7] == .text("CoreWeave") } == true)
        #expect(contents["sources"]?.contains { $0[0] == .text("S00") } == true)
        // A unit's profile is its own.
        let azure = try CompanyProfile.sections(of: try names.resolve("Microsoft Azure").company, only: "flows", in: db)
        let flows = try rows(azure[0].statement)
        #expect(flows.allSatisfy { $0[0] == .text("in") })
        #expect(flows.contains { $0[1] == .text("OpenAI") })
        #expect(throws: KnowledgeBaseError.self) { try CompanyProfile.sections(of: nvidia, only: "loop", in: db) }
    }
}
