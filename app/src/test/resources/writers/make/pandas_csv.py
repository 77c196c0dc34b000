"""Writes the pandas-*.csv files (pandas 1.5.3): the same frame in the dialects pandas users choose."""
import csv
import datetime as dt
import pandas as pd

frame = pd.DataFrame({
    "Code": ["00123", "1E5", "1.10", "Grüße €", None],
    "Qty": [12.5, -0.5, 0.1 + 0.2, 1234567.891, None],
    "Count": pd.array([12345678901234567, 0, -7, None, 3], dtype="Int64"),
    "Note": ["plain", "comma, inside", 'quote "inside"', "line\nbreak", "  spaces  "],
    "When": [dt.date(2024, 3, 15), dt.date(1899, 12, 31), None, dt.date(2024, 3, 16), dt.date(2024, 3, 17)],
    "Ok": [True, False, True, None, False],
})
frame.to_csv("pandas-default.csv", index=False)
frame.to_csv("pandas-excel-de.csv", index=False, sep=";", decimal=",", encoding="utf-8-sig", lineterminator="\r\n")
frame.to_csv("pandas-cp1252.tsv", index=False, sep="\t", encoding="cp1252")
frame.to_csv("pandas-quote-all-utf16.csv", index=False, quoting=csv.QUOTE_ALL, encoding="utf-16")
frame.to_csv("pandas-index-na.csv", na_rep="NA")
