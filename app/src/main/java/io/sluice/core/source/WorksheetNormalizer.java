package io.sluice.core.source;

import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import javax.xml.namespace.QName;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rewrites one worksheet's XML into the plain shape fastexcel reads, changing no value: whitespace around a value
 * (legal XML that other tools write, e.g. {@code <v> 12.5 </v>}) is dropped, rows and cells without their optional
 * {@code r} attribute get the position Excel gives them, and ISO 8601 dates ({@code t="d"}) become date serials.
 * Text values ({@code t="str"}, inline strings) keep every space. DTDs and external entities are never processed.
 */
final class WorksheetNormalizer {

    /** Excel's last row and column (1,048,576 rows, 16,384 columns: XFD). */
    static final long MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;

    private static final XMLEventFactory EVENTS = XMLEventFactory.newInstance();
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final LocalDate MARCH_1900 = LocalDate.of(1900, 3, 1);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private final Path file;
    private final String sheet;
    private final boolean date1904;
    private long row;
    private int column;
    private String cellType;
    private boolean inCell;
    private StartElement value;
    private final StringBuilder valueText = new StringBuilder();

    private WorksheetNormalizer(Path file, String sheet, boolean date1904) {
        this.file = file;
        this.sheet = sheet;
        this.date1904 = date1904;
    }

    /** Copies the worksheet XML from {@code in} to {@code out} (UTF-8), normalized. */
    static void copy(Path file, String sheet, boolean date1904, InputStream in, OutputStream out)
            throws XMLStreamException {
        new WorksheetNormalizer(file, sheet, date1904).run(in, out);
    }

    private void run(InputStream in, OutputStream out) throws XMLStreamException {
        XMLEventReader reader = inputFactory().createXMLEventReader(in);
        XMLEventWriter writer = XMLOutputFactory.newInstance().createXMLEventWriter(out, "UTF-8");
        try {
            while (reader.hasNext()) {
                XMLEvent event = reader.nextEvent();
                if (event.isStartDocument()) {
                    writer.add(EVENTS.createStartDocument("UTF-8", "1.0", true));
                } else if (event.isStartElement()) {
                    StartElement start = start(event.asStartElement());
                    if (start != null) {
                        writer.add(start);
                    }
                } else if (value != null && event.isCharacters()) {
                    valueText.append(event.asCharacters().getData());
                } else if (event.isEndElement()) {
                    end(event, writer);
                } else if (event.getEventType() != XMLEvent.DTD) {
                    writer.add(event);
                }
            }
            writer.flush();
        } finally {
            reader.close();
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return factory;
    }

    /** The start tag to write, or null for a value element, which is written at its end once its text is known. */
    private StartElement start(StartElement start) {
        switch (start.getName().getLocalPart()) {
            case "row":
                String r = attribute(start, "r");
                row = r == null ? row + 1 : rowNumber(r.strip());
                column = -1;
                return r == null ? withAttribute(start, "r", Long.toString(row), null) : start;
            case "c":
                inCell = true;
                String ref = attribute(start, "r");
                column = ref == null ? column + 1 : columnIndex(ref.strip());
                checkLimits(ref == null ? Columns.letter(column) + row : ref.strip());
                cellType = attribute(start, "t");
                String type = "d".equals(cellType) ? "n" : null;
                return ref == null || type != null
                        ? withAttribute(start, ref == null ? "r" : null, Columns.letter(column) + row, type) : start;
            case "v":
                if (inCell) {
                    value = start;
                    valueText.setLength(0);
                    return null;
                }
                return start;
            default:
                return start;
        }
    }

    private void end(XMLEvent event, XMLEventWriter writer) throws XMLStreamException {
        String name = event.asEndElement().getName().getLocalPart();
        if (value != null && name.equals("v")) {
            String text = valueText(valueText.toString());
            if (!text.isEmpty()) {
                writer.add(value);
                writer.add(EVENTS.createCharacters(text));
                writer.add(event);
            }
            value = null;
            return;
        }
        if (name.equals("c")) {
            inCell = false;
            cellType = null;
        }
        writer.add(event);
    }

    private String valueText(String raw) {
        if ("str".equals(cellType) || "inlineStr".equals(cellType)) {
            return raw;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return text;
        }
        if ("d".equals(cellType)) {
            return serial(text);
        }
        if (cellType == null || cellType.equals("n")) {
            try {
                new BigDecimal(text);
                return text;
            } catch (NumberFormatException e) {
                throw Problems.input(file, "sheet \"" + sheet + "\" holds \"" + text + "\" in cell "
                        + Columns.letter(column) + row + " where a number must be, so the sheet cannot be read");
            }
        }
        return text;
    }

    /** An ISO 8601 date, time or date-time as the Excel serial of the workbook's date system. */
    private String serial(String iso) {
        String text = iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso;
        try {
            LocalDateTime at;
            if (text.contains("T")) {
                at = LocalDateTime.parse(text);
            } else if (text.contains(":")) {
                at = LocalTime.parse(text).atDate(date1904 ? EPOCH_1904 : EPOCH_1900);
            } else {
                at = LocalDate.parse(text).atStartOfDay();
            }
            LocalDate epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
            long days = ChronoUnit.DAYS.between(epoch, at.toLocalDate());
            if (!date1904 && at.toLocalDate().isBefore(MARCH_1900) && days > 0) {
                days--; // Excel counts a 29 February 1900 that never was, so earlier serials are one less
            }
            BigDecimal fraction = BigDecimal.valueOf(at.toLocalTime().toNanoOfDay())
                    .divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(1_000_000_000L)), 17, RoundingMode.HALF_UP);
            return BigDecimal.valueOf(days).add(fraction).stripTrailingZeros().toPlainString();
        } catch (DateTimeParseException e) {
            throw Problems.input(file, "sheet \"" + sheet + "\" holds \"" + iso + "\" in cell "
                    + Columns.letter(column) + row + " where a date must be, so the sheet cannot be read");
        }
    }

    private long rowNumber(String r) {
        try {
            long number = Long.parseLong(r);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.input(file, "sheet \"" + sheet + "\" has a row numbered \"" + r + "\", which is not a row"
                + " number, so the sheet cannot be read");
    }

    private int columnIndex(String ref) {
        int letters = 0;
        while (letters < ref.length() && Character.isLetter(ref.charAt(letters))) {
            letters++;
        }
        try {
            return Columns.index(ref.substring(0, letters));
        } catch (IllegalArgumentException e) {
            throw Problems.input(file, "sheet \"" + sheet + "\" has a cell at \"" + ref + "\", which is not a cell"
                    + " reference, so the sheet cannot be read");
        }
    }

    private void checkLimits(String ref) {
        if (row > MAX_ROWS || column >= MAX_COLUMNS) {
            throw beyondLimits(file, sheet, ref);
        }
    }

    /** The one sentence for a cell outside the grid Excel can show. */
    static RuntimeException beyondLimits(Path file, String sheet, String ref) {
        return Problems.input(file, "sheet \"" + sheet + "\" has a cell at " + ref + ", beyond Excel's last row"
                + " 1,048,576 or last column XFD, so the file is damaged and Sluice does not read it");
    }

    private static String attribute(StartElement start, String name) {
        Attribute attribute = start.getAttributeByName(new QName(name));
        return attribute == null ? null : attribute.getValue();
    }

    /** The start tag with attribute {@code added} set to {@code value} and, when {@code type} is set, t replaced. */
    private static StartElement withAttribute(StartElement start, String added, String value, String type) {
        List<Attribute> attributes = new ArrayList<>();
        Iterator<Attribute> it = start.getAttributes();
        while (it.hasNext()) {
            Attribute a = it.next();
            boolean typeAttribute = a.getName().getNamespaceURI().isEmpty() && a.getName().getLocalPart().equals("t");
            if (!(type != null && typeAttribute)) {
                attributes.add(a);
            }
        }
        if (added != null) {
            attributes.add(EVENTS.createAttribute(added, value));
        }
        if (type != null) {
            attributes.add(EVENTS.createAttribute("t", type));
        }
        return EVENTS.createStartElement(start.getName(), attributes.iterator(), start.getNamespaces());
    }
}
