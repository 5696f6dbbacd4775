package tongban.proactive.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three download formats: CSV as RFC 4180 with a BOM, JSON with numbers, XLSX that POI reads back. */
class TableWriterTest {

	private static final List<Column> COLUMNS = List.of(new Column("name", "名称", "string", "", ""), new Column("count", "数量", "integer", "人", "少于 5 为 <5"));

	@Test
	void csvHasTheBomAndQuotesAsRfc4180() throws IOException {
		String csv = write(TableWriter.Format.CSV, List.of(List.of("甲,乙", "12"), List.of("说\"好\"", "<5"), List.of("两\r\n行", "0"),
				List.of("=1+1", "-3")));
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
		assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
		assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
		assertThat(csv.substring(1)).isEqualTo("name,count\r\n\"甲,乙\",12\r\n\"说\"\"好\"\"\",<5\r\n\"两\r\n行\",0\r\n'=1+1,-3\r\n");
	}

	@Test
	void jsonWritesCountsAsNumbersAndHiddenCountsAsText() throws IOException {
		JsonNode rows = JsonMapper.builder().build().readTree(write(TableWriter.Format.JSON, List.of(List.of("甲", "12"), List.of("乙", "<5"))));
		assertThat(rows.size()).isEqualTo(2);
		assertThat(rows.get(0).get("count").isNumber()).isTrue();
		assertThat(rows.get(0).get("count").asLong()).isEqualTo(12);
		assertThat(rows.get(1).get("count").asString()).isEqualTo("<5");
		assertThat(rows.get(1).get("name").asString()).isEqualTo("乙");
	}

	@Test
	void xlsxOpensInPoiWithTheRowsAndTheDictionary() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableWriter writer = TableWriter.Format.XLSX.writer(out);
		writer.start(COLUMNS);
		writer.row(List.of("甲 & <乙>", "12"));
		writer.row(List.of("控\u0001制", "<5"));
		writer.finish();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet data = book.getSheet("数据");
			assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
			assertThat(data.getRow(1).getCell(0).getStringCellValue()).isEqualTo("甲 & <乙>");
			assertThat(data.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(data.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
			assertThat(data.getRow(2).getCell(0).getStringCellValue()).isEqualTo("控制");
			assertThat(data.getRow(2).getCell(1).getStringCellValue()).isEqualTo("<5");
			Sheet dictionary = book.getSheet("数据字典");
			assertThat(dictionary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("count");
			assertThat(dictionary.getRow(2).getCell(3).getStringCellValue()).isEqualTo("人");
		}
		assertThat(XlsxTableWriter.columnName(0)).isEqualTo("A");
		assertThat(XlsxTableWriter.columnName(25)).isEqualTo("Z");
		assertThat(XlsxTableWriter.columnName(26)).isEqualTo("AA");
		assertThat(XlsxTableWriter.columnName(701)).isEqualTo("ZZ");
	}

	private static String write(TableWriter.Format format, List<List<String>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableWriter writer = format.writer(out);
		writer.start(COLUMNS);
		for (List<String> row : rows) {
			writer.row(row);
		}
		writer.finish();
		return out.toString(StandardCharsets.UTF_8);
	}
}
