package tongban.proactive.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The privacy scan catches a planted ID number, mobile number and name, and lets ordinary data through. */
class PrivacyScanTest {

	private final PrivacyScan scan = new PrivacyScan(Set.of("王小明", "李娜", "欧阳建华"));

	@Test
	void catchesAnIdNumberWithAValidCheckCharacterOnly() {
		// GB 11643-1999's own example, check character X
		assertThat(scan.scan("申请人 11010519491231002X 已登记", "row 1")).extracting(PrivacyScan.Finding::kind).containsExactly("ID_NUMBER");
		assertThat(scan.scan("11010519491231002x", "row 1")).extracting(PrivacyScan.Finding::kind).containsExactly("ID_NUMBER");
		// one digit changed: the check character no longer fits, so this is just a number
		assertThat(scan.scan("110105194912310021", "row 1")).isEmpty();
		// a USCC (letters) and a longer number are not ID numbers
		assertThat(scan.scan("91350100M000100Y43", "row 1")).isEmpty();
		assertThat(scan.scan("111010519491231002X", "row 1")).isEmpty();
	}

	@Test
	void catchesAMobileNumberNotInsideALongerNumber() {
		assertThat(scan.scan("联系电话13812345678", "row 2")).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("MOBILE");
			assertThat(f.masked()).isEqualTo("138****5678");
		});
		assertThat(scan.scan("12812345678", "row 2")).isEmpty();
		assertThat(scan.scan("213812345678", "row 2")).isEmpty();
		assertThat(scan.scan("2026-03", "row 2")).isEmpty();
	}

	@Test
	void catchesNamesAsWholeCellsOrLongNamesAnywhere() {
		assertThat(scan.scan("李娜", "row 3")).extracting(PrivacyScan.Finding::kind).containsExactly("NAME");
		assertThat(scan.scan("法定代表人：王小明", "row 3")).extracting(PrivacyScan.Finding::kind).containsExactly("NAME");
		assertThat(scan.scan("欧阳建华工作室", "row 3")).extracting(PrivacyScan.Finding::kind).containsExactly("NAME");
		// a two-character name inside a longer word is not taken for the person
		assertThat(scan.scan("李娜咖啡有限公司", "row 3")).isEmpty();
		assertThat(scan.scan("杭州西湖示范餐饮有限公司", "row 3")).isEmpty();
	}

	@Test
	void scansAWholeDocumentCellByCell() {
		assertThat(scan.scanDocument("\uFEFFname,count\r\n李娜,3\r\n", "x.csv")).extracting(PrivacyScan.Finding::kind).containsExactly("NAME");
		assertThat(scan.scanDocument("[{\"name\":\"李娜\"}]", "x.json")).extracting(PrivacyScan.Finding::kind).containsExactly("NAME");
		assertThat(scan.scanDocument("ageBand,gender,count\r\n80+,女,<5\r\n", "x.csv")).isEmpty();
	}
}
