#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The yardsticks' side of the workbook benchmark (bench/workbook.sh runs it).

    bench/workbook-openpyxl.py dump WORKBOOK.xlsx CELLS.tsv    (untimed)
    bench/workbook-openpyxl.py write CELLS.tsv OUT.xlsx         (timed: the openpyxl yardstick)

dump reads every cell of the workbook our exporter wrote, with openpyxl's reader, into a
plain file that both yardsticks (this script's write, and ti-bench-workbook-bare) read, so
they write the same sheets, cells and number formats as ours. One record a line, fields
split by tabs, in the workbook's order:

    S <name>                                          a worksheet, in the workbook's order
    C <row> <col> <type> <number format> <value>      a cell of the last S; row and col from 0

type is n (a number), s (a string), d (a date or time, its value the Excel serial number),
b (a boolean, 0 or 1) or f (a formula, without its '='); the number format is empty for
General. In the format and the value a backslash, tab, newline and carriage return are
written \\\\, \\t, \\n and \\r.

write is what a person's openpyxl script would do with those cells: a Workbook in openpyxl's
normal mode, ws.cell(row, column, value) and number_format per cell, dates as datetimes.
It only writes: it does no querying, and none of the workbook's charts, fonts, widths or
merged cells, so the comparison favours openpyxl.
"""

import datetime
import sys

import openpyxl
from openpyxl.utils.datetime import from_excel, to_excel

ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
DATES = (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)


def escape(text):
    return "".join(ESCAPES.get(c, c) for c in text)


def unescape(text):
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for c in chars:
        out.append(UNESCAPES.get(next(chars, "\\"), "\\") if c == "\\" else c)
    return "".join(out)


def cell_record(cell):
    value = cell.value
    if isinstance(value, bool):
        kind, text = "b", str(int(value))
    elif isinstance(value, (int, float)):
        kind, text = "n", repr(value)
    elif isinstance(value, DATES):
        kind, text = "d", repr(to_excel(value))
    elif cell.data_type == "f":
        kind, text = "f", str(value)[1:] if str(value).startswith("=") else str(value)
    else:
        kind, text = "s", str(value)
    fmt = "" if cell.number_format == "General" else cell.number_format
    return "C\t%d\t%d\t%s\t%s\t%s\n" % (cell.row - 1, cell.column - 1, kind, escape(fmt),
                                        escape(text))


def dump(xlsx, out_path):
    book = openpyxl.load_workbook(xlsx)
    cells = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for sheet in book.worksheets:
            out.write("S\t%s\n" % escape(sheet.title))
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    out.write(cell_record(cell))
                    cells += 1
    print("%d sheets, %d cells" % (len(book.worksheets), cells))


def write(cells_path, xlsx):
    book = openpyxl.Workbook()
    book.remove(book.active)
    sheet = None
    with open(cells_path, encoding="utf-8") as cells:
        for line in cells:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "S":
                sheet = book.create_sheet(unescape(fields[1]))
                continue
            row, col, kind, fmt, text = int(fields[1]), int(fields[2]), fields[3], \
                unescape(fields[4]), unescape(fields[5])
            if kind == "n":
                value = float(text)
            elif kind == "d":
                value = from_excel(float(text))
            elif kind == "b":
                value = text == "1"
            elif kind == "f":
                value = "=" + text
            else:
                value = text
            cell = sheet.cell(row=row + 1, column=col + 1, value=value)
            if fmt:
                cell.number_format = fmt
    book.save(xlsx)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("dump", "write"):
        sys.exit(__doc__.split("\n\n")[1])
    (dump if sys.argv[1] == "dump" else write)(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()
