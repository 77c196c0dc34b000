# Writes openxlsx-values.xlsx and openxlsx-1904.xlsx (R 4.2.2, openxlsx 4.2.5.2).
library(openxlsx)
wb <- createWorkbook()
addWorksheet(wb, "Values")
cases <- c("text 00123", "text 1E5", "text 1.10", "17 digits", "float sum", "15 digits", "thousands", "percent",
           "date", "datetime", "date 1900-01-01", "date 1900-02-28", "date 1900-03-01", "true", "false",
           "formula", "spaces", "line break", "umlaut", "missing")
writeData(wb, "Values", data.frame(Case = "Case", Value = "Value"), colNames = FALSE)
writeData(wb, "Values", data.frame(Case = cases), startCol = 1, startRow = 2, colNames = FALSE)
put <- function(row, x, style = NULL) {
  writeData(wb, "Values", x, startCol = 2, startRow = row, colNames = FALSE)
  if (!is.null(style)) addStyle(wb, "Values", style, rows = row, cols = 2)
}
put(2, "00123"); put(3, "1E5"); put(4, "1.10")
put(5, 12345678901234567); put(6, 0.1 + 0.2); put(7, 123456789012345)
put(8, 1234567.891, createStyle(numFmt = "#,##0.00")); put(9, 0.125, createStyle(numFmt = "0.0%"))
put(10, as.Date("2024-03-15")); put(11, as.POSIXct("2024-03-15 10:30:00", tz = "UTC"))
put(12, as.Date("1900-01-01")); put(13, as.Date("1900-02-28")); put(14, as.Date("1900-03-01"))
put(15, TRUE); put(16, FALSE)
writeFormula(wb, "Values", "1+2", startCol = 2, startRow = 17)
put(18, "  two  "); put(19, "a\nb"); put(20, "Grüße €"); put(21, NA)
addWorksheet(wb, "Données ü 日本")
writeData(wb, "Données ü 日本", data.frame(Name = "Größe", Wert = 1.5))
saveWorkbook(wb, "openxlsx-values.xlsx", overwrite = TRUE)

wb <- createWorkbook()
addWorksheet(wb, "Frame")
frame <- data.frame(Code = c("00123", "1E5"), Qty = c(12.5, NA), When = as.Date(c("2024-03-15", NA)),
                    Ok = c(TRUE, NA), stringsAsFactors = FALSE)
writeDataTable(wb, "Frame", frame)
saveWorkbook(wb, "openxlsx-table.xlsx", overwrite = TRUE)
