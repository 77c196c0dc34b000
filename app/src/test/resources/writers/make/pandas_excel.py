"""Writes pandas-xlsxwriter.xlsx and pandas-openpyxl.xlsx (pandas 1.5.3 DataFrame.to_excel with each engine)."""
import datetime as dt
import pandas as pd

frame = pd.DataFrame({
    "Code": ["00123", "1E5", "=1+2", None],
    "Qty": [12.5, 0.1 + 0.2, None, 12345678901234567],
    "When": [pd.Timestamp("2024-03-15"), pd.Timestamp("2024-03-15 10:30"), pd.NaT, pd.Timestamp("1900-01-01")],
    "Day": [dt.date(2024, 3, 15), None, dt.date(1900, 2, 28), dt.date(2024, 3, 17)],
    "Ok": [True, False, None, True],
}, index=pd.Index(["a", "b", "c", "d"], name="Key"))
columns = pd.MultiIndex.from_tuples([("Mix", "Code"), ("Mix", "Qty"), ("Time", "When"), ("Time", "Day"), ("Time", "Ok")])
for engine in ("xlsxwriter", "openpyxl"):
    with pd.ExcelWriter("pandas-%s.xlsx" % engine, engine=engine) as writer:
        frame.to_excel(writer, sheet_name="Frame")
        grouped = frame.copy()
        grouped.columns = columns
        grouped.to_excel(writer, sheet_name="Grouped header")
