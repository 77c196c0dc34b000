package io.sluice.bench;

import java.nio.file.Path;

/**
 * The generator's command-line arguments.
 *
 * @param options       what to generate
 * @param out           file to write
 * @param format        file kind
 * @param plainWorkbook header in row 1, one sheet, no formula turns (workbooks only)
 */
public record GeneratorArguments(GeneratorOptions options, Path out, OutputFormat format, boolean plainWorkbook) {

    public static final String USAGE = """
            Usage: ConcreteMixGenerator --out FILE [--rows N] [--columns 1-20] [--format csv|csv-bom|csv-1252|xlsx|xls]
                                        [--seed N] [--fault-rate 0-1] [--prefix DS1] [--plain]""";

    /** Parses the arguments; throws IllegalArgumentException with one sentence naming the bad argument. */
    public static GeneratorArguments parse(String[] args) {
        GeneratorOptions options = GeneratorOptions.defaults();
        Path out = null;
        OutputFormat format = null;
        boolean plain = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--plain")) {
                plain = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + name + " needs a value.");
            }
            String value = args[++i];
            switch (name) {
                case "--rows" -> options = options.withRows(number(name, value));
                case "--columns" -> options = options.withColumns((int) number(name, value));
                case "--seed" -> options = options.withSeed(number(name, value));
                case "--fault-rate" -> options = options.withFaultRate(decimal(name, value));
                case "--prefix" -> options = options.withCodePrefix(value);
                case "--format" -> format = OutputFormat.parse(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + name + ".");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("Option --out is required.");
        }
        return new GeneratorArguments(options, out,
                format == null ? OutputFormat.fromFileName(out.getFileName().toString()) : format, plain);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + name + " needs a whole number, not " + value + ".");
        }
    }

    private static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + name + " needs a number, not " + value + ".");
        }
    }
}
