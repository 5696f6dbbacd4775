package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A licence type is saved only with a GB/T 36904 type code and a template carrying every catalogue field. */
class LicenceTypeTest {

	static LicenceType food(List<LicenceType.Field> fields, String code) {
		return new LicenceType(code, "食品经营许可证", "国家市场监督管理总局", "JY", "LEGAL_PERSON", 5, List.of("330106-XK-0001-01"), fields,
				List.of("行政许可专用章"));
	}

	static final List<LicenceType.Field> COMPLETE = List.of(new LicenceType.Field("经营者名称", "form:entityName", "HOLDER_NAME", false),
			new LicenceType.Field("统一社会信用代码", "form:uscc", "HOLDER_CODE", false), new LicenceType.Field("许可证编号", "number", "NUMBER", false),
			new LicenceType.Field("有效期至", "validTo", "VALID_TO", false), new LicenceType.Field("发证机关", "issuer", "ISSUER", false),
			new LicenceType.Field("签发日期", "issuedOn", "ISSUED_ON", false));

	@Test
	void aCompleteTypePasses() {
		assertThat(food(COMPLETE, "11100000MB0000001T001").problems()).isEmpty();
	}

	@Test
	void aTemplateWithoutTheHolderIsRefused() {
		List<LicenceType.Field> noHolder = COMPLETE.stream().filter(f -> !"HOLDER_NAME".equals(f.role())).toList();
		assertThat(food(noHolder, "11100000MB0000001T001").problems()).containsExactly("licence.type.error.missing.HOLDER_NAME");
		List<LicenceType.Field> noEnd = COMPLETE.stream().filter(f -> !"VALID_TO".equals(f.role())).toList();
		assertThat(food(noEnd, "11100000MB0000001T001").problems()).containsExactly("licence.type.error.missing.VALID_TO");
	}

	@Test
	void theTypeCodeIsAUsccAndThreeDigits() {
		assertThat(food(COMPLETE, "11100000MB0000001X001").problems()).as("wrong USCC check").contains("licence.type.error.code");
		assertThat(food(COMPLETE, "11100000MB0000001T01").problems()).contains("licence.type.error.code");
		assertThat(food(COMPLETE, "11100000MB0000001T0A1").problems()).contains("licence.type.error.code");
	}
}
