#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an evaluation workbook with openpyxl, an independent reader, and prints what a
person opening it would find, one fact per line, tab separated, for tests/test-workbook.c:

  sheets  NAME|NAME|...
  cell    SHEET  COORDINATE  TYPE  JSON-VALUE     (every cell with a value; TYPE is openpyxl's
                                                  data type: n number, s string, d date, ...)
  format  SHEET  COORDINATE  NUMBER-FORMAT        (cells that are not plain text)
  name    NAME   REFERENCE                        (defined names)
  chart   SHEET  KIND                             (each chart, by openpyxl's class)
  freeze  SHEET  CELL                             (frozen panes)
  filter  SHEET  RANGE                            (autofilters)
  prop    FIELD  JSON-VALUE                       (document properties, company from app.xml)
  found   TEXT   MEMBER                           (each TEXT given after the file found as a word
                                                  in the text or attribute values of MEMBER's
                                                  XML, case-insensitively)
"""
import html
import json
import re
import sys
import zipfile

import openpyxl


def main():
    path, forbidden = sys.argv[1], sys.argv[2:]
    workbook = openpyxl.load_workbook(path)
    out = []
    out.append("sheets\t" + "|".join(workbook.sheetnames))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                out.append("cell\t%s\t%s\t%s\t%s" % (sheet.title, cell.coordinate, cell.data_type,
                                                    json.dumps(cell.value, default=str, ensure_ascii=False)))
                if cell.number_format != "General":
                    out.append("format\t%s\t%s\t%s" % (sheet.title, cell.coordinate,
                                                       cell.number_format))
        for chart in sheet._charts:
            out.append("chart\t%s\t%s" % (sheet.title, type(chart).__name__))
        if sheet.freeze_panes:
            out.append("freeze\t%s\t%s" % (sheet.title, sheet.freeze_panes))
        if sheet.auto_filter.ref:
            out.append("filter\t%s\t%s" % (sheet.title, sheet.auto_filter.ref))
    for name in workbook.defined_names.definedName:
        out.append("name\t%s\t%s" % (name.name, name.attr_text))
    properties = workbook.properties
    for field in ("title", "subject", "creator", "keywords", "created"):
        out.append("prop\t%s\t%s" % (field, json.dumps(getattr(properties, field), default=str, ensure_ascii=False)))
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
        company = re.search(r"<Company>(.*?)</Company>", app)
        out.append("prop\tcompany\t%s" % json.dumps(company.group(1) if company else None, ensure_ascii=False))
        for member in archive.namelist():
            xml = archive.read(member).decode("utf-8", "replace")
            # What the file says, not its tags' names (a chart's <c:cat> is no one's name):
            # the text between tags and every attribute's value.
            text = " ".join(re.findall(r">([^<]+)<", xml) + re.findall(r'="([^"]*)"', xml))
            text = html.unescape(text).lower()
            for word in forbidden:
                if re.search(r"\b" + re.escape(word.lower()) + r"\b", text):
                    out.append("found\t%s\t%s" % (word, member))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
