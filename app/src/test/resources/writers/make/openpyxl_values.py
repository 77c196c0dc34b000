"""Writes openpyxl-values.xlsx and openpyxl-1904.xlsx (openpyxl 3.0.9)."""
import datetime as dt
import openpyxl
from openpyxl.workbook.properties import CalcProperties
from openpyxl.utils.datetime import CALENDAR_MAC_1904

def values(ws):
    ws.append(["Case", "Value"])
    rows = [
        ("text 00123", "00123"),
        ("text 1E5", "1E5"),
        ("text 1.10", "1.10"),
        ("17 digits", 12345678901234567),
        ("float sum", 0.1 + 0.2),
        ("15 digits", 123456789012345),
        ("negative", -0.5),
        ("thousands", 1234567.891),
        ("percent", 0.125),
        ("date", dt.date(2024, 3, 15)),
        ("datetime", dt.datetime(2024, 3, 15, 10, 30)),
        ("time", dt.time(10, 30, 15)),
        ("date 1900-01-01", dt.date(1900, 1, 1)),
        ("date 1900-02-28", dt.date(1900, 2, 28)),
        ("date 1900-03-01", dt.date(1900, 3, 1)),
        ("true", True),
        ("false", False),
        ("formula", "=1+2"),
        ("error formula", "=1/0"),
        ("spaces", "  two  "),
        ("line break", "a\nb"),
        ("umlaut", "Grüße €"),
        (None, None),
        ("after blank row", "x"),
    ]
    for case, value in rows:
        ws.append([case, value])
    ws["B9"].number_format = "#,##0.00"
    ws["B10"].number_format = "0.0%"
    ws["B13"].number_format = "hh:mm:ss"

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Values"
values(ws)
junk = wb.create_sheet("Notes")
junk["A1"] = "Delivery report"
junk["A2"] = "made by the lab"
junk.append([])
junk["A5"] = "Code"
junk["B5"] = "Qty"
junk["C5"] = "Note"
junk.append(["A1", 3, "merged"])
junk.append(["A2", 4])
junk.merge_cells("C6:C7")
other = wb.create_sheet("Données ü 日本")
other.append(["Name", "Wert"])
other.append(["Größe", 1.5])
wb.save("openpyxl-values.xlsx")

wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Dates"
ws.append(["Case", "Value"])
ws.append(["date", dt.date(2024, 3, 15)])
ws.append(["datetime", dt.datetime(2024, 3, 15, 10, 30)])
ws.append(["date 1904-01-02", dt.date(1904, 1, 2)])
ws.append(["number", 42])
wb.save("openpyxl-1904.xlsx")
