"""Writes xlsxwriter-values.xlsx and xlsxwriter-1904.xlsx (XlsxWriter 3.0.2)."""
import datetime as dt
import xlsxwriter

def fill(wb, ws):
    bold = wb.add_format({"bold": True})
    fmt = {
        "thousands": wb.add_format({"num_format": "#,##0.00"}),
        "percent": wb.add_format({"num_format": "0.0%"}),
        "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": wb.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
        "time": wb.add_format({"num_format": "hh:mm:ss"}),
        "text": wb.add_format({"num_format": "@"}),
        "leading zeros": wb.add_format({"num_format": "00000"}),
    }
    ws.write_row(0, 0, ["Case", "Value"])
    r = 1
    def put(case, writer, *args):
        nonlocal r
        ws.write_string(r, 0, case)
        writer(r, 1, *args)
        r += 1
    put("text 00123", ws.write_string, "00123")
    put("text 1E5", ws.write_string, "1E5")
    put("text 1.10", ws.write_string, "1.10")
    put("17 digits", ws.write_number, 12345678901234567)
    put("float sum", ws.write_number, 0.1 + 0.2)
    put("15 digits", ws.write_number, 123456789012345)
    put("thousands", ws.write_number, 1234567.891, fmt["thousands"])
    put("percent", ws.write_number, 0.125, fmt["percent"])
    put("date", ws.write_datetime, dt.datetime(2024, 3, 15), fmt["date"])
    put("datetime", ws.write_datetime, dt.datetime(2024, 3, 15, 10, 30), fmt["datetime"])
    put("time", ws.write_datetime, dt.time(10, 30, 15), fmt["time"])
    put("date 1900-01-01", ws.write_datetime, dt.datetime(1900, 1, 1), fmt["date"])
    put("date 1900-02-28", ws.write_datetime, dt.datetime(1900, 2, 28), fmt["date"])
    put("date 1900-03-01", ws.write_datetime, dt.datetime(1900, 3, 1), fmt["date"])
    put("true", ws.write_boolean, True)
    put("false", ws.write_boolean, False)
    put("formula no value", ws.write_formula, "=1+2")
    put("formula with value", ws.write_formula, "=1+2", None, 3)
    put("formula text", ws.write_formula, '="a"&"b"', None, "ab")
    put("formula error", ws.write_formula, "=1/0", None, "#DIV/0!")
    put("formula boolean", ws.write_formula, "=1<2", None, True)
    put("rich text", ws.write_rich_string, "plain ", bold, "bold", " end")
    put("number as text format", ws.write_string, "0042", fmt["text"])
    put("leading zeros format", ws.write_number, 42, fmt["leading zeros"])
    put("spaces", ws.write_string, "  two  ")
    put("line break", ws.write_string, "a\nb")
    put("umlaut", ws.write_string, "Grüße €")
    put("blank cell", ws.write_blank, None, fmt["date"])
    r += 1
    put("after blank row", ws.write_string, "x")
    ws.write_string(r, 0, "merged")
    ws.merge_range(r, 1, r, 2, "across")

wb = xlsxwriter.Workbook("xlsxwriter-values.xlsx")
fill(wb, wb.add_worksheet("Values"))
junk = wb.add_worksheet("Notes")
junk.write("A1", "Delivery report")
junk.write("A2", "made by the lab")
junk.write_row("A5", ["Code", "Qty"])
junk.write_row("A6", ["A1", 3])
other = wb.add_worksheet("Données ü 日本")
other.write_row("A1", ["Name", "Wert"])
other.write_row("A2", ["Größe", 1.5])
wb.close()

wb = xlsxwriter.Workbook("xlsxwriter-1904.xlsx", {"date_1904": True})
ws = wb.add_worksheet("Dates")
f = wb.add_format({"num_format": "yyyy-mm-dd"})
ws.write_row(0, 0, ["Case", "Value"])
ws.write_string(1, 0, "date")
ws.write_datetime(1, 1, dt.datetime(2024, 3, 15), f)
ws.write_string(2, 0, "date 1904-01-02")
ws.write_datetime(2, 1, dt.datetime(1904, 1, 2), f)
ws.write_string(3, 0, "number")
ws.write_number(3, 1, 42)
wb.close()

wb = xlsxwriter.Workbook("xlsxwriter-constant-memory.xlsx", {"constant_memory": True})
ws = wb.add_worksheet("Rows")
ws.write_row(0, 0, ["Code", "Qty", "Note"])
ws.write_row(1, 0, ["00123", 12.5, "first"])
ws.write_row(2, 0, ["1E5", 3, "line\nbreak"])
wb.close()
