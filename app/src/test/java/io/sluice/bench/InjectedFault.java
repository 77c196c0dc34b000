package io.sluice.bench;

/**
 * A fault the generator planted, for checking that validation finds it.
 *
 * @param dataRow 1-based data row number (header not counted); see {@link GenerationReport#sheetRow} for the row
 *                number a spreadsheet shows
 * @param fault   what is wrong
 * @param column  the column holding the wrong value
 * @param value   the planted value: as the file shows it in a writer's {@link GenerationReport} ("" for an empty
 *                cell), in neutral notation (decimal point, dd/MM/yyyy) from {@link ConcreteMixGenerator#rows()}
 */
public record InjectedFault(long dataRow, Fault fault, MixColumn column, String value) {

    public InjectedFault withValue(String text) {
        return new InjectedFault(dataRow, fault, column, text);
    }
}
