# Writes r-write.csv and r-write2.csv (R's utils::write.csv and write.csv2) and, with openxlsx, ../openxlsx-values.xlsx.
frame <- data.frame(
  Code = c("00123", "1E5", "1.10", "Grüße €", NA),
  Qty = c(12.5, -0.5, 0.1 + 0.2, 1234567.891, NA),
  Note = c("plain", "comma, inside", 'quote "inside"', "line\nbreak", "  spaces  "),
  When = as.Date(c("2024-03-15", "1899-12-31", NA, "2024-03-16", "2024-03-17")),
  Ok = c(TRUE, FALSE, TRUE, NA, FALSE),
  stringsAsFactors = FALSE)
write.csv(frame, "r-write.csv", row.names = FALSE, fileEncoding = "UTF-8")
write.csv2(frame, "r-write2.csv", row.names = FALSE, fileEncoding = "CP1252")
