package tongban.proactive.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tongban.shared.XmlText;

/**
 * XLSX (Office Open XML, ECMA-376 / ISO/IEC 29500 SpreadsheetML) written by hand as a stream: the package parts first,
 * then the one worksheet row by row with inline strings (no shared-string table to hold in memory), counts as numbers.
 * Two sheets: 数据 (the rows, a header of labels) and 数据字典 (the dictionary). Excel's limit of 1,048,576 rows per sheet
 * applies; the CSV and the API have none.
 */
final class XlsxTableWriter implements TableWriter {

	/** Rows a sheet may hold, header included (Excel's limit). */
	static final int MAX_ROWS = 1_048_576;

	private final ZipOutputStream zip;
	private final Writer out;
	private List<Column> columns;
	private int rowNumber;

	XlsxTableWriter(OutputStream target) {
		this.zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
		this.out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
	}

	@Override
	public void start(List<Column> columns) throws IOException {
		this.columns = columns;
		part("[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				</Types>""");
		part("_rels/.rels", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
				</Relationships>""");
		part("xl/workbook.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
				<sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="数据字典" sheetId="2" r:id="rId2"/></sheets></workbook>""");
		part("xl/_rels/workbook.xml.rels", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
				<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
				</Relationships>""");
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet2.xml"));
		sheetStart();
		row(List.of("字段", "名称", "类型", "单位", "说明"), false);
		for (Column column : columns) {
			row(List.of(column.name(), column.label(), column.type(), column.unit(), column.description()), false);
		}
		sheetEnd();
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
		rowNumber = 0;
		sheetStart();
		row(columns.stream().map(Column::label).toList(), false);
	}

	@Override
	public void row(List<String> cells) throws IOException {
		if (rowNumber >= MAX_ROWS) {
			return;
		}
		row(cells, true);
	}

	@Override
	public void finish() throws IOException {
		sheetEnd();
		zip.finish();
		zip.flush();
	}

	private void sheetStart() throws IOException {
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
	}

	private void sheetEnd() throws IOException {
		out.write("</sheetData></worksheet>");
		out.flush();
		zip.closeEntry();
	}

	private void row(List<String> cells, boolean typed) throws IOException {
		rowNumber++;
		out.write("<row r=\"" + rowNumber + "\">");
		for (int i = 0; i < cells.size(); i++) {
			String value = cells.get(i) == null ? "" : cells.get(i);
			String ref = columnName(i) + rowNumber;
			if (typed && columns.get(i).numeric() && value.matches("-?\\d{1,15}")) {
				out.write("<c r=\"" + ref + "\"><v>" + value + "</v></c>");
			}
			else {
				out.write("<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + XmlText.escape(value) + "</t></is></c>");
			}
		}
		out.write("</row>");
	}

	private void part(String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		out.write(content);
		out.flush();
		zip.closeEntry();
	}

	/** A, B, …, Z, AA, AB, … */
	static String columnName(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			name.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return name.toString();
	}
}
