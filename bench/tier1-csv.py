#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a Tier 1 completions file, as a Learning Centre export would be, for benchmarks.

    bench/tier1-csv.py --db=DEMO.sqlite --rows=250000 OUT.csv

The people are spread over the organisations of DEMO (a programme written with
--create-demo): about a fifth of the records are people DEMO already holds (matched by
email, in any case, or by name within their organisation), the rest are new people, many
with two or three completions, and a few records are repeated exactly. Dates come in both
accepted forms, all in the evaluation period. The same seed writes the same file. Every
person is fictional: the names are combined from lists of common first and last names.
"""

import argparse
import csv
import datetime
import random
import sqlite3
import sys

FIRST = """Amelia Oliver Isla George Ava Harry Mia Jack Grace Noah Freya Leo Poppy Arthur Evie
Oscar Lily Theo Ruby Alfie Sophie Finley Daisy Henry Phoebe Thomas Florence William Matilda
James Imogen Samuel Eleanor Joseph Harriet Daniel Rosie Edward Alice Benjamin Lucy Charlie
Holly Ethan Megan Lewis Bethany Ryan Jasmine Adam Niamh Callum Aoife Rhys Siân Owen Zoë
Mohammed Aisha Yusuf Priya Arjun Amara Kofi Ngozi Tomasz Wiktoria Mateusz Ana Lukas Jessica
Rebecca Laura Sarah Emma Helen Rachel Karen Joanne Andrew Mark Paul Stephen Simon Gareth
Nicola Fiona Gemma Natalie Kirsty Martin Julie Susan Pauline Graham Trevor Dawn Lorraine
Colin Chloé Ifeoma Deepa""".split()

MIDDLE = """Ann Jane Marie Louise May Rose Grace Elizabeth John James Michael David Peter Lee
Kate Beth Claire Jo Alex Sam Kit Robin Jay Noor Ali Dev Tom Rhiannon Eve Hope""".split()

LAST = """Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker
White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell
Rose Cox Ward Turner Hill Moore Cooper Morris Baker Harris King Lee Parker Bennett Cook Price
Bailey Hughes Collins Edwards Stewart Murphy Bell Kelly Chapman Fletcher Hayward Bishop
Coombes Pearce Hooper Vowles Gillard Tucker Stacey Sweet Venn Rowe Hext Dyer Hembrow Bartlett
Lock Dibble Nowak Kowalski Okafor Mensah Singh Begum Ahmed Chowdhury O'Brien MacDonald Fraser
Campbell Reid Lloyd Pritchard Morgan Powell Fox Short Ford Perrett Tapp Sealy Keen Nguyen
Adeyemi Ferreira""".split()

SOURCES = ["Learning Centre", "ACEs online learning"]
START = datetime.date(2023, 1, 1)
DAYS = (datetime.date(2024, 4, 30) - START).days + 1


def ascii_key(text):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a demo programme (--create-demo)")
    parser.add_argument("--rows", type=int, default=250000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("out", help="the CSV file to write")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    organisations = [row[0] for row in db.execute("SELECT name FROM organisations ORDER BY id")]
    held = db.execute(
        "SELECT p.name, p.email, o.name FROM people p JOIN organisations o"
        " ON o.id = p.organisation_id WHERE p.email IS NOT NULL ORDER BY p.id"
    ).fetchall()
    # Only a name that one person alone has in an organisation can be matched without email.
    names = {}
    for name, _, organisation in held:
        key = (organisation, ascii_key(name))
        names[key] = names.get(key, 0) + 1
    held_names = {key for key, count in names.items() if count == 1}
    by_name = [row for row in held if (row[2], ascii_key(row[0])) in held_names]
    db.close()

    def completion():
        day = START + datetime.timedelta(days=rng.randrange(DAYS))
        written = day.isoformat() if rng.random() < 0.5 else day.strftime("%d/%m/%Y")
        source = rng.choice(SOURCES) if rng.random() < 0.98 else ""
        return written, source

    used = set(names)
    new_people = 0

    def new_person():
        nonlocal new_people
        organisation = rng.choice(organisations)
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)}"
            if (organisation, ascii_key(name)) not in used:
                break
        used.add((organisation, ascii_key(name)))
        new_people += 1
        # One in ten has no email in the export: matched by name within the organisation.
        if rng.random() < 0.1:
            email = ""
        else:
            local = ascii_key(name).replace(" ", ".").replace("'", "")
            email = f"{local}.{new_people}@tier1-{organisations.index(organisation)}.example"
        return email, name, organisation

    rows = []
    while len(rows) < args.rows:
        roll = rng.random()
        if roll < 0.17:
            name, email, organisation = rng.choice(held)
            if rng.random() < 0.2:
                email = email.upper()
            person = (email, name, organisation)
            times = 1
        elif roll < 0.20 and by_name:
            name, _, organisation = rng.choice(by_name)
            person = ("", name, organisation)
            times = 1
        else:
            person = new_person()
            times = rng.choice((1, 1, 2, 3))
        for _ in range(times):
            rows.append(person + completion())
        # A record the export repeats word for word.
        if rng.random() < 0.01:
            rows.append(rows[-1])
    del rows[args.rows :]

    with open(args.out, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["email", "name", "organisation", "completed_on", "source"])
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} records, {new_people} new people", file=sys.stderr)


if __name__ == "__main__":
    main()
