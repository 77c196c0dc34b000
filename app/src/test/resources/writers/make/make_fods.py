"""Writes libreoffice-values.fods (1900 dates) and libreoffice-1904.fods (null date 1904-01-01), the sources that
LibreOffice Calc converts to .xlsx, .xls and .csv."""
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')
STYLES = '''<office:automatic-styles>
<number:date-style style:name="Nymd"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:date-style style:name="Ndmyhm"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<number:time-style style:name="Nhms"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
<number:percentage-style style:name="Npct"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:number-style style:name="Nthou"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:number-style style:name="Nzeros"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="5"/></number:number-style>
<number:currency-style style:name="Neur"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="de" number:country="DE">€</number:currency-symbol></number:currency-style>
<number:boolean-style style:name="Nbool"><number:boolean/></number:boolean-style>
<number:text-style style:name="Ntext"><number:text-content/></number:text-style>
<style:style style:name="ymd" style:family="table-cell" style:data-style-name="Nymd"/>
<style:style style:name="dmyhm" style:family="table-cell" style:data-style-name="Ndmyhm"/>
<style:style style:name="hms" style:family="table-cell" style:data-style-name="Nhms"/>
<style:style style:name="pct" style:family="table-cell" style:data-style-name="Npct"/>
<style:style style:name="thou" style:family="table-cell" style:data-style-name="Nthou"/>
<style:style style:name="zeros" style:family="table-cell" style:data-style-name="Nzeros"/>
<style:style style:name="eur" style:family="table-cell" style:data-style-name="Neur"/>
<style:style style:name="bool" style:family="table-cell" style:data-style-name="Nbool"/>
<style:style style:name="text" style:family="table-cell" style:data-style-name="Ntext"/>
<style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>'''


def text(value):
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(value)


def cell(attrs, style=None, body=''):
    s = ' table:style-name="%s"' % style if style else ''
    return '<table:table-cell%s %s>%s</table:table-cell>' % (s, attrs, body)


def row(*cells):
    return '<table:table-row>%s</table:table-row>' % ''.join(cells)


def case(name, value_cell):
    return row(text(name), value_cell)


def num(v, style=None):
    return cell('office:value-type="float" office:value="%s"' % v, style)


def date(v, style='ymd'):
    return cell('office:value-type="date" office:date-value="%s"' % v, style)


def formula(f):
    return cell('table:formula="of:%s"' % escape(f, {'"': '&quot;'}))


def document(null_date, tables):
    settings = ('<table:calculation-settings><table:null-date table:date-value="%s"/></table:calculation-settings>'
                % null_date)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">%s<office:body><office:spreadsheet>%s%s'
            '</office:spreadsheet></office:body></office:document>\n' % (NS, STYLES, settings, ''.join(tables)))


def table(name, rows):
    return '<table:table table:name="%s">%s</table:table>' % (escape(name), ''.join(rows))


values = table("Values", [
    row(text("Case"), text("Value")),
    case("text 00123", text("00123")),
    case("text 1E5", text("1E5")),
    case("text 1.10", text("1.10")),
    case("text in text format", cell('office:value-type="string"', 'text', '<text:p>0042</text:p>')),
    case("17 digits", num("12345678901234567")),
    case("float sum", formula("=0.1+0.2")),
    case("15 digits", num("123456789012345")),
    case("thousands", num("1234567.891", "thou")),
    case("percent", cell('office:value-type="percentage" office:value="0.125"', 'pct')),
    case("currency", cell('office:value-type="currency" office:currency="EUR" office:value="-1234.5"', 'eur')),
    case("leading zeros format", num("42", "zeros")),
    case("date", date("2024-03-15")),
    case("datetime", date("2024-03-15T10:30:00", "dmyhm")),
    case("time", cell('office:value-type="time" office:time-value="PT10H30M15S"', 'hms')),
    case("date 1900-01-01", date("1900-01-01")),
    case("date 1900-02-28", date("1900-02-28")),
    case("date 1900-03-01", date("1900-03-01")),
    case("date 1899-12-30", date("1899-12-30")),
    case("date 1850-06-01", date("1850-06-01")),
    case("true", cell('office:value-type="boolean" office:boolean-value="true"', 'bool')),
    case("false", cell('office:value-type="boolean" office:boolean-value="false"', 'bool')),
    case("formula", formula("=1+2")),
    case("formula text", formula('="a"&"b"')),
    case("formula error", formula("=1/0")),
    case("formula n/a", formula("=NA()")),
    case("formula boolean", formula("=1<2")),
    case("rich text", cell('office:value-type="string"', None,
                           '<text:p>plain <text:span text:style-name="bold">bold</text:span> end</text:p>')),
    case("spaces", cell('office:value-type="string"', None, '<text:p><text:s/> two<text:s text:c="2"/></text:p>')),
    case("two lines", cell('office:value-type="string"', None, '<text:p>a</text:p><text:p>b</text:p>')),
    case("umlaut", text("Grüße €")),
    row(text("blank cell")),
    '<table:table-row><table:table-cell/></table:table-row>',
    case("after blank row", text("x")),
    row(text("merged"), cell('office:value-type="string" table:number-columns-spanned="2"', None, '<text:p>across</text:p>'),
        '<table:covered-table-cell/>'),
])
notes = table("Notes", [
    row(text("Delivery report")), row(text("made by the lab")), '<table:table-row><table:table-cell/></table:table-row>',
    row(text("Code"), text("Qty")), row(text("A1"), num("3")),
])
other = table("Données ü 日本", [row(text("Name"), text("Wert")), row(text("Größe"), num("1.5"))])
open("libreoffice-values.fods", "w", encoding="utf-8").write(document("1899-12-30", [values, notes, other]))

dates = table("Dates", [
    row(text("Case"), text("Value")),
    case("date", date("2024-03-15")),
    case("datetime", date("2024-03-15T10:30:00", "dmyhm")),
    case("date 1904-01-02", date("1904-01-02")),
    case("date 1903-12-31", date("1903-12-31")),
    case("number", num("42")),
])
open("libreoffice-1904.fods", "w", encoding="utf-8").write(document("1904-01-01", [dates]))
