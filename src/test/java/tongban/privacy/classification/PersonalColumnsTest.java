package tongban.privacy.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PersonalColumnsTest {

	@Test
	void namesOfPersonalDataAreRecognised() {
		assertThat(PersonalColumns.suggested("id_number_enc")).hasValue("ID number");
		assertThat(PersonalColumns.suggested("mobile_index")).hasValue("phone");
		assertThat(PersonalColumns.suggested("contact_phone")).hasValue("phone");
		assertThat(PersonalColumns.suggested("delivery_address")).hasValue("address");
		assertThat(PersonalColumns.suggested("applicant_name")).hasValue("person's name");
		assertThat(PersonalColumns.suggested("name")).hasValue("person's name");
		assertThat(PersonalColumns.suggested("birth_date")).hasValue("birth date");
		assertThat(PersonalColumns.suggested("lat")).hasValue("location");
		assertThat(PersonalColumns.suggested("bank_account")).hasValue("bank account");
		assertThat(PersonalColumns.suggested("health_status")).hasValue("health");
		assertThat(PersonalColumns.suggested("values_enc")).hasValue("ciphertext (_enc)");
		assertThat(PersonalColumns.suggested("subject_index")).hasValue("blind index of a person");
	}

	@Test
	void namesOfThingsAreNot() {
		assertThat(PersonalColumns.suggested("item_name")).isEmpty();
		assertThat(PersonalColumns.suggested("department_code")).isEmpty();
		assertThat(PersonalColumns.suggested("relation")).isEmpty();
		assertThat(PersonalColumns.suggested("template")).isEmpty();
		assertThat(PersonalColumns.suggested("original_name")).isEmpty();
	}

	@Test
	void plainIdNumbersAndMobilesAreRecognisedByTheirValue() {
		Pattern plain = Pattern.compile(PersonalColumns.PLAIN_ID_OR_MOBILE);
		assertThat(plain.matcher("11010519491231002X").matches()).isTrue();
		assertThat(plain.matcher("13800138000").matches()).isTrue();
		assertThat(plain.matcher("2026-000123").matches()).isFalse();
		assertThat(plain.matcher("91110000100000000A").matches()).isFalse();
	}
}
