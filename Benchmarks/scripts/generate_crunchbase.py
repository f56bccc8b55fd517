#!/usr/bin/env python3
"""Writes a deterministic Crunchbase-style bulk export (organizations.csv,
funding_rounds.csv, investments.csv) with the columns of the real export, for the
import benchmark. Usage: generate_crunchbase.py OUT_DIR [ROUNDS] (default 1,000,000).

Per 1,000,000 rounds: 500,000 organizations (100,000 of them investors) and
2,500,000 investments. Names repeat now and then (real exports have many
same-named organizations), amounts and currencies vary, some fields are empty.
"""
import csv
import os
import random
import sys
import uuid

out = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
organizations = rounds // 2
investors = organizations // 5
investments_per_round = 2.5
rng = random.Random(20261129)
os.makedirs(out, exist_ok=True)

def uid(kind, n):
    return str(uuid.UUID(int=(kind << 120) | n))

words = ["Quantum", "Neural", "Deep", "Orbit", "Vector", "Tensor", "Lumen", "Forge", "Atlas", "Nova", "Cortex",
         "Signal", "Photon", "Helix", "Vertex", "Cloud", "Fusion", "Robo", "Sense", "Data", "Grid", "Mind"]
suffixes = ["AI", "Labs", "Systems", "Technologies", "Robotics", "Cloud", "Capital", "Ventures", "Inc", "Health"]
categories = ["Artificial Intelligence (AI)", "Machine Learning", "Robotics", "Data Center", "Cloud Computing",
              "Health Care", "FinTech", "Software", "Semiconductor", "Autonomous Vehicles"]
countries = ["USA", "GBR", "FRA", "DEU", "CAN", "ISR", "IND", "CHN", "JPN", "SGP", ""]
types = ["seed", "pre_seed", "angel", "series_a", "series_b", "series_c", "series_d", "series_e", "venture",
         "debt_financing", "grant", "convertible_note", "corporate_round", "private_equity", "undisclosed",
         "series_unknown", "post_ipo_equity"]
currencies = ["USD"] * 8 + ["EUR", "GBP", "CAD", "INR", "JPY"]

def name(n):
    # About one name in fifty repeats an earlier one.
    if n > 100 and rng.random() < 0.02:
        n = rng.randrange(n)
    r = random.Random(n)
    return f"{r.choice(words)} {r.choice(words)} {r.choice(suffixes)} {n}" if n % 7 else f"{r.choice(words)}{n} {r.choice(suffixes)}"

with open(os.path.join(out, "organizations.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["uuid", "name", "type", "permalink", "cb_url", "rank", "created_at", "updated_at", "legal_name", "roles",
                "domain", "homepage_url", "country_code", "state_code", "region", "city", "address", "postal_code",
                "status", "short_description", "category_list", "category_groups_list", "num_funding_rounds",
                "total_funding_usd", "total_funding", "total_funding_currency_code", "founded_on", "last_funding_on",
                "closed_on", "employee_count", "email", "phone", "facebook_url", "linkedin_url", "twitter_url",
                "logo_url", "alias1", "alias2", "alias3", "primary_role", "num_exits"])
    for n in range(organizations):
        investor = n < investors
        nm = name(n)
        slug = nm.lower().replace(" ", "-")
        w.writerow([uid(1, n), nm, "organization", slug, f"https://www.crunchbase.com/organization/{slug}", n + 1,
                    "2020-01-01 00:00:00", "2024-06-01 00:00:00", "", "investor" if investor else "company",
                    f"{slug}.com", f"https://www.{slug}.com", rng.choice(countries), "", "", "", "", "",
                    rng.choice(["operating"] * 8 + ["acquired", "closed", "ipo"]),
                    f"{nm} builds things, with commas, and \"quotes\"" if n % 11 == 0 else f"{nm} description",
                    ",".join(rng.sample(categories, 2)), "", "", "", "", "",
                    f"{rng.randint(1990, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if n % 5 else "",
                    "", "", "11-50", "", "", "", "", "", "", "", "", "", "investor" if investor else "company", ""])

with open(os.path.join(out, "funding_rounds.csv"), "w", newline="") as f, \
     open(os.path.join(out, "investments.csv"), "w", newline="") as g:
    w = csv.writer(f, lineterminator="\n")
    v = csv.writer(g, lineterminator="\n")
    w.writerow(["uuid", "name", "type", "permalink", "cb_url", "rank", "created_at", "updated_at", "country_code",
                "state_code", "region", "city", "investment_type", "announced_on", "raised_amount_usd", "raised_amount",
                "raised_amount_currency_code", "post_money_valuation_usd", "post_money_valuation",
                "post_money_valuation_currency_code", "investor_count", "org_uuid", "org_name", "lead_investor_uuids"])
    v.writerow(["uuid", "name", "type", "permalink", "cb_url", "rank", "created_at", "updated_at", "funding_round_uuid",
                "funding_round_name", "investor_uuid", "investor_name", "investor_type", "is_lead_investor"])
    k = 0
    for n in range(rounds):
        org = investors + rng.randrange(organizations - investors)
        kind = rng.choice(types)
        currency = rng.choice(currencies)
        usd = rng.choice([0, rng.randint(100_000, 5_000_000), rng.randint(5_000_000, 200_000_000), rng.randint(200_000_000, 5_000_000_000)])
        raised = int(usd * {"USD": 1, "EUR": 0.92, "GBP": 0.79, "CAD": 1.36, "INR": 83, "JPY": 150}[currency])
        date = f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = f"{kind.replace('_', ' ').title()} - {name(org)}"
        count = max(0, int(rng.gauss(investments_per_round, 1.5)))
        chosen = rng.sample(range(investors), min(count, 6))
        w.writerow([uid(2, n), title, "funding_round", "", "", n + 1, "2020-01-01 00:00:00", "2024-06-01 00:00:00",
                    rng.choice(countries), "", "", "", kind, date, usd if usd else "", raised if usd else "",
                    currency if usd else "", usd * rng.randint(3, 12) if usd and n % 4 == 0 else "", "", "",
                    len(chosen), uid(1, org), name(org), uid(1, chosen[0]) if chosen else ""])
        for i, investor in enumerate(chosen):
            v.writerow([uid(3, k), f"{name(investor)} investment in {title}", "investment", "", "", k + 1,
                        "2020-01-01 00:00:00", "2024-06-01 00:00:00", uid(2, n), title, uid(1, investor),
                        name(investor), "organization", "True" if i == 0 else "False"])
            k += 1
print(f"{organizations} organizations, {rounds} rounds, {k} investments in {out}")
