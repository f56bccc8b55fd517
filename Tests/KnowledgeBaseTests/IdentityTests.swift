import KnowledgeBase
import SQLite
import Support
import Testing

/// Companies are their ids, not their names; natural keys hold whichever id comes
/// first; groups and overlaps may be named further down a file.
@Suite struct IdentityTests {
    func file(_ name: String, _ text: String) -> String {
        let path = temporaryDirectory() + "/" + name
        write(text, to: path)
        return path
    }

    /// Two Crunchbase organizations of one name are two companies; each round lands
    /// on its own organization; a name both share is an ambiguity, answered by an id column.
    @Test func namesakesStayApartAndAnAmbiguousNameIsAProblem() throws {
        let db = try fixtureDatabase()
        let organizations = file(
            "organizations.csv",
            "uuid,name,roles,country_code,founded_on\n"
                + "aaaaaaaa-0000-0000-0000-000000000001,Acme AI,company,USA,2015\n"
                + "aaaaaaaa-0000-0000-0000-000000000002,Acme AI,company,GBR,2019\n")
        let rounds = file(
            "funding_rounds.csv",
            "uuid,name,investment_type,announced_on,raised_amount_usd,org_uuid,org_name\n"
                + "bbbbbbbb-0000-0000-0000-000000000001,Seed,seed,2016,1000000,aaaaaaaa-0000-0000-0000-000000000001,Acme AI\n"
                + "bbbbbbbb-0000-0000-0000-000000000002,Seed,seed,2020,2000000,aaaaaaaa-0000-0000-0000-000000000002,Acme AI\n")
        let result = try importFiles(db, [organizations, rounds])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.allRows(
            """
            SELECT c.country_code, r.amount_usd FROM funding_rounds r JOIN companies c ON c.id = r.company_id
            WHERE c.name = 'Acme AI' ORDER BY r.announced_on
            """) == [["USA", 1_000_000], ["GBR", 2_000_000]])
        // An aikb file naming only "Acme AI" is refused, with both candidates; nothing is written.
        let byName = file("r.csv", "company,round_type,announced_on,source_id\nAcme AI,series_a,2021,T1\n")
        let ambiguous = try importFiles(db, [byName])
        #expect(ambiguous.problemCount == 1)
        let message = ambiguous.problems.first?.description ?? ""
        #expect(message.contains("r.csv:2:1: company: \"Acme AI\" names 2 companies: Acme AI (id "), "\(message)")
        #expect(message.contains("USA, founded 2015") && message.contains("GBR, founded 2019"), "\(message)")
        #expect(message.contains("say which in a company_id column"), "\(message)")
        // Answered with an id column (an external id here).
        let byID = file(
            "r.csv", "company,company_id,round_type,announced_on,source_id\nAcme AI,crunchbase:aaaaaaaa-0000-0000-0000-000000000002,series_a,2021,T1\n")
        let answered = try importFiles(db, [byID])
        #expect(answered.problemCount == 0, "\(answered.problems)")
        #expect(try db.firstValue(
            """
            SELECT c.country_code FROM funding_rounds r JOIN companies c ON c.id = r.company_id WHERE r.round_type = 'series_a'
            """) == "GBR")
        let unknownID = try importFiles(db, [file("r.csv", "company_id,round_type,source_id\n999999,seed,T1\n")])
        #expect(unknownID.problems.first?.description.contains("company_id: no company has the id \"999999\"") == true)
    }

    /// A known company without a Crunchbase uuid is the organization of its name (its
    /// uuid gets linked); one that has another uuid is not.
    @Test func aSeededCompanyTakesItsCrunchbaseUuidOnce() throws {
        let db = try fixtureDatabase()
        let first = file("organizations.csv", "uuid,name,roles\ncccccccc-0000-0000-0000-000000000001,NVIDIA,company\n")
        #expect(try importFiles(db, [first]).files[0].updated == 1)
        let namesake = file("organizations.csv", "uuid,name,roles\ncccccccc-0000-0000-0000-000000000002,NVIDIA,company\n")
        #expect(try importFiles(db, [namesake]).files[0].inserted == 1)
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = 'NVIDIA'") == .integer(2))
    }

    /// A round imported first without its round_id and later with it is one round,
    /// and the other way round.
    @Test func naturalKeysHoldWhicheverIdComesFirst() throws {
        let db = try fixtureDatabase()
        let count = { try db.firstValue("SELECT count(*) FROM funding_rounds WHERE company_id = (SELECT id FROM companies WHERE name = 'CoreWeave')") }
        _ = try importFiles(db, [file("r.csv", "company,round_type,announced_on,amount_usd,source_id\nCoreWeave,series_c,2023-05,221000000,T1\n")])
        let later = try importFiles(db, [file("r.csv", "round_id,company,round_type,announced_on,amount_usd,source_id\ncw-c,CoreWeave,series_c,2023-05,221000000,T1\n")])
        #expect(later.files[0].updated == 1, "the round takes its id")
        #expect(try count() == .integer(1))
        #expect(try db.firstValue("SELECT external_id FROM funding_rounds WHERE round_type = 'series_c'") == "cw-c")
        // And a row without the id is the round that has it.
        let again = try importFiles(db, [file("r.csv", "company,round_type,announced_on,amount_usd,source_id\nCoreWeave,series_c,2023-05,230000000,T1\n")])
        #expect(again.files[0].updated == 1)
        #expect(try count() == .integer(1))
        #expect(try db.firstValue("SELECT amount_usd FROM funding_rounds WHERE external_id = 'cw-c'") == .integer(230_000_000))
    }

    /// A unit names its parent, which may come further down the file; a cycle and an
    /// unknown parent are problems with their positions.
    @Test func parentsMayComeLaterAndMustEnd() throws {
        let db = try fixtureDatabase()
        let good = file("c.csv", "name,kind,parent\nGroup Cloud,big_tech,Group Inc\nGroup Inc,big_tech,\n")
        let result = try importFiles(db, [good])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.firstValue(
            "SELECT p.name FROM companies c JOIN companies p ON p.id = c.parent_id WHERE c.name = 'Group Cloud'") == "Group Inc")
        let cycle = try importFiles(db, [file("c.csv", "name,parent\nGroup Inc,Group Cloud\n")])
        #expect(cycle.problems.map(\.description).first?.hasSuffix("c.csv:2:11: parent: the parents of \"Group Inc\" lead back to it (a cycle)") == true, "\(cycle.problems)")
        let unknown = try importFiles(db, [file("c.csv", "name,parent\nLone Unit,Nobody Corp\n")])
        #expect(unknown.problems.first?.description.hasSuffix("c.csv:2:11: parent: unknown company \"Nobody Corp\" (not a name or alias in companies, in this file or before)") == true, "\(unknown.problems)")
        #expect(try db.firstValue("SELECT count(*) FROM companies WHERE name = 'Lone Unit'") == .integer(0))
    }

    /// A deal that repeats another names it with overlaps, which may be further down.
    @Test func overlapsMayNameALaterDeal() throws {
        let db = try fixtureDatabase()
        let deals = file(
            "d.csv",
            "deal_id,supplier,customer,kind,value_usd,overlaps,source_id\n"
                + "w-1,OpenAI,NVIDIA,warrant,,p-1,T1\n"
                + "p-1,NVIDIA,OpenAI,purchase,1000,,T1\n")
        let result = try importFiles(db, [deals])
        #expect(result.problemCount == 0, "\(result.problems)")
        #expect(try db.firstValue(
            "SELECT o.external_id FROM supply_deals d JOIN supply_deals o ON o.id = d.overlaps_deal_id WHERE d.external_id = 'w-1'") == "p-1")
        let unknown = try importFiles(db, [file("d.csv", "deal_id,supplier,customer,kind,overlaps,source_id\nw-2,OpenAI,NVIDIA,warrant,nope,T1\n")])
        #expect(unknown.problems.first?.description.contains("overlaps: unknown deal \"nope\"") == true, "\(unknown.problems)")
    }
}
