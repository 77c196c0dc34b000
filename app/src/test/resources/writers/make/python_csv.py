"""Writes python-crlf.csv (Google Sheets' shape: UTF-8 without BOM, CRLF, minimal quoting), python-cr.csv (old
Mac line ends) and python-title-rows.csv (title lines above the header), with Python's csv module."""
import csv
rows = [["Code", "Qty", "Note"], ["00123", "12.5", "plain"], ["1E5", "-0.5", "line\r\nbreak"],
        ["1.10", "0.30000000000000004", 'quote "inside"'], ["Grüße €", "", "  spaces  "]]
with open("python-crlf.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
with open("python-cr.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r").writerows([r for r in rows if "\r\n" not in r[2]])
with open("python-title-rows.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows([["Delivery report"], ["made by the lab", "", ""], []] + rows)
