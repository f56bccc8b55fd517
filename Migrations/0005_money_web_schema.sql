-- The money web: which way money goes in every kind of fact, what is only promised,
-- what repeats another fact, and the second sources of a fact.

-- Every deal kind says who pays whom, once, here: `payer` is the party whose money
-- (or, for a warrant, whose equity) moves to the other; NULL where the kind moves
-- no money (help with land and power, joint engineering). `flow` names the flow in
-- money_flows.
ALTER TABLE deal_kinds ADD COLUMN flow TEXT;
ALTER TABLE deal_kinds ADD COLUMN payer TEXT CHECK (payer IN ('customer', 'supplier'));

UPDATE deal_kinds SET payer = 'customer', flow = CASE id
    WHEN 'purchase' THEN 'purchase'
    WHEN 'lease' THEN 'lease'
    WHEN 'cloud_capacity' THEN 'cloud_capacity'
    WHEN 'capacity_backstop' THEN 'capacity_backstop'   -- the backstopper (customer) pays the provider
    WHEN 'leaseback' THEN 'leaseback'                   -- the original seller (customer) pays to rent back
    WHEN 'prepayment' THEN 'prepayment'
    WHEN 'letter_of_intent' THEN 'purchase'             -- a planned purchase, only promised
    WHEN 'revenue_share' THEN 'revenue_share'           -- the customer pays the share to the supplier
    WHEN 'financing_lease' THEN 'lease'
    WHEN 'infrastructure_lease' THEN 'lease'
    WHEN 'supply_commitment' THEN 'purchase'
END
WHERE id IN ('purchase', 'lease', 'cloud_capacity', 'capacity_backstop', 'leaseback', 'prepayment',
             'letter_of_intent', 'revenue_share', 'financing_lease', 'infrastructure_lease', 'supply_commitment');

INSERT INTO deal_kinds (id, label, description, flow, payer) VALUES
    ('warrant', 'Warrant', 'The supplier issues the customer warrants for its shares (equity given in kind, often tied to a supply deal)', 'warrant', 'supplier'),
    ('financing', 'Financing', 'The supplier (a lender or financier) provides the customer with money: debt, a facility, a financing package', 'financing', 'supplier'),
    ('joint_venture', 'Joint venture', 'The customer (a member) puts money into the supplier (the joint-venture company)', 'equity', 'customer'),
    ('acquisition', 'Acquisition', 'The customer buys the supplier (the company acquired); the value is the price', 'acquisition', 'customer');

-- Relationships that move money say so too: `payer` is the from or the to side.
ALTER TABLE relationship_kinds ADD COLUMN flow TEXT;
ALTER TABLE relationship_kinds ADD COLUMN payer TEXT CHECK (payer IN ('from', 'to'));
UPDATE relationship_kinds SET flow = 'equity', payer = 'from' WHERE id = 'investor_in';
UPDATE relationship_kinds SET flow = 'capacity_backstop', payer = 'from' WHERE id = 'backstops';
UPDATE relationship_kinds SET flow = 'lease', payer = 'to' WHERE id = 'leases_to';
UPDATE relationship_kinds SET flow = 'purchase', payer = 'to' WHERE id = 'supplier_of';
UPDATE relationship_kinds SET flow = 'purchase', payer = 'from' WHERE id = 'customer_of';
UPDATE relationship_kinds SET flow = 'acquisition', payer = 'from' WHERE id = 'acquired';

-- A deal that repeats the value or capacity of another (a warrant or backstop tied
-- to its parent deal, an expansion whose total includes the earlier contract):
-- reports never add it up a second time.
ALTER TABLE supply_deals ADD COLUMN overlaps_deal_id INTEGER REFERENCES supply_deals(id) ON DELETE SET NULL
    CHECK (overlaps_deal_id IS NULL OR overlaps_deal_id <> id);
CREATE INDEX supply_deals_by_overlapped ON supply_deals(overlaps_deal_id) WHERE overlaps_deal_id IS NOT NULL;

-- How far a round got: closed, only announced, committed (promised, not closed: "up
-- to $100B", "late discussions"), stalled or cancelled.
ALTER TABLE funding_rounds ADD COLUMN status TEXT NOT NULL DEFAULT 'closed'
    CHECK (status IN ('closed', 'announced', 'committed', 'stalled', 'cancelled'));
UPDATE funding_rounds SET status = 'committed' WHERE round_type = 'investment_commitment';
-- How sure the source is of the round, where it says (Epoch AI: confident, likely, uncertain).
ALTER TABLE funding_rounds ADD COLUMN confidence TEXT CHECK (confidence IN ('confident', 'likely', 'uncertain'));

-- The other company of a claim ("OpenAI is about two-thirds of Oracle's backlog":
-- subject Oracle, counterparty OpenAI).
ALTER TABLE claims ADD COLUMN counterparty_id INTEGER REFERENCES companies(id);
CREATE INDEX claims_by_counterparty ON claims(counterparty_id) WHERE counterparty_id IS NOT NULL;

-- The same round from another source: a second source that corroborates it, or
-- that states another figure (then both figures stand and the round's amount is
-- marked disputed, never overwritten).
CREATE TABLE round_sources (
    round_id   INTEGER NOT NULL REFERENCES funding_rounds(id) ON DELETE CASCADE,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    role       TEXT NOT NULL CHECK (role IN ('corroborates', 'disputes')),
    -- The amount that source states, in US dollars, where it states one.
    amount_usd INTEGER CHECK (amount_usd >= 0),
    note       TEXT,
    PRIMARY KEY (round_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX round_sources_by_source ON round_sources(source_id);
