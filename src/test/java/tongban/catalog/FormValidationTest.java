package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tongban.catalog.FormDefinition.Condition;
import tongban.catalog.FormDefinition.Field;
import tongban.catalog.FormDefinition.FieldType;
import tongban.catalog.FormValidation.FileRef;

/** The validation engine on its own: each field type, required, patterns, conditions, groups, and definition checks. */
class FormValidationTest {

	private final FormValidation validation = new FormValidation(Set.of("330106", "330000")::contains);

	static Field field(String key, FieldType type, boolean required) {
		return new Field(key, "字段" + key, type, required, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static FormDefinition def(Field... fields) {
		return new FormDefinition(List.of(fields));
	}

	private List<String> errors(FormDefinition d, Map<String, ?> values) {
		return validation.validate(d, values).errors().stream().map(e -> e.path() + ":" + e.code()).toList();
	}

	@Test
	void requiredFieldsAreNamedAndOptionalOnesMayBeEmpty() {
		FormDefinition d = def(field("name", FieldType.TEXT, true), field("note", FieldType.TEXT, false),
				field("region", FieldType.REGION, true));
		assertThat(errors(d, Map.of("name", "  ", "note", ""))).containsExactly("name:form.error.required", "region:form.error.choose");
		assertThat(errors(d, Map.of("name", "张三", "region", "330106"))).isEmpty();
	}

	@Test
	void structuredTypesAreCheckedAndNormalised() {
		FormDefinition d = def(field("id", FieldType.ID_NUMBER, true), field("uscc", FieldType.USCC, true),
				field("phone", FieldType.PHONE, true), field("date", FieldType.DATE, true), field("region", FieldType.REGION, true));
		var ok = validation.validate(d, Map.of("id", "11010519491231002x", "uscc", "91330106MA2H3L5Y4T".toLowerCase(),
				"phone", "１３８ ０００１ ２３４５", "date", "2026年2月3日", "region", "330106"));
		assertThat(ok.errors()).as("%s", ok.errors()).isEmpty();
		assertThat(ok.values()).containsEntry("id", "11010519491231002X").containsEntry("phone", "13800012345")
			.containsEntry("date", "2026-02-03");
		assertThat(errors(d, Map.of("id", "110105194912310021", "uscc", "91330106MA2H3L5Y4A", "phone", "12345",
				"date", "2026-02-30", "region", "999999"))).containsExactly("id:form.error.id.check_digit",
						"uscc:form.error.uscc.check_character", "phone:form.error.phone", "date:form.error.date",
						"region:form.error.region");
		assertThat(errors(d, Map.of("id", "11010519491231002X", "uscc", "91330106MA2H3L5Y4T", "phone", "0571-87654321",
				"date", "2026-02-28", "region", "330106"))).isEmpty();
	}

	@Test
	void anIdNumberWithARegionThatNeverExistedIsRefusedAsRegistrationRefusesIt() {
		FormDefinition d = def(field("id", FieldType.ID_NUMBER, true));
		assertThat(errors(d, Map.of("id", "00000019900101123X"))).containsExactly("id:form.error.id.region");
	}

	@Test
	void numbersSelectsTextLengthAndPatterns() {
		Field age = new Field("age", "年龄", FieldType.NUMBER, true, null, null, null, null, null, null, BigDecimal.ZERO,
				new BigDecimal("150"), null, null, null, null);
		Field kind = new Field("kind", "类型", FieldType.SELECT, true, null, null, null, null, null, List.of("新办", "补办"),
				null, null, null, null, null, null);
		Field plate = new Field("plate", "车牌", FieldType.TEXT, false, null, null, null, "浙A[A-Z0-9]{5}", "如 浙A12345", null,
				null, null, 7, null, null, null);
		FormDefinition d = def(age, kind, plate);
		assertThat(errors(d, Map.of("age", "200", "kind", "换领", "plate", "沪A12345")))
			.containsExactly("age:form.error.range", "kind:form.error.option", "plate:form.error.patternHint");
		assertThat(errors(d, Map.of("age", "abc", "kind", "新办", "plate", "浙A123456"))).containsExactly("age:form.error.number",
				"plate:form.error.tooLong");
		assertThat(validation.validate(d, Map.of("age", "３０", "kind", "补办", "plate", "浙AB1234")).values())
			.containsEntry("age", "30");
	}

	@Test
	void hiddenFieldsAreNeitherValidatedNorKept() {
		Field reason = new Field("reason", "补办原因", FieldType.TEXT, true, null, null, new Condition("kind", List.of("补办")),
				null, null, null, null, null, null, null, null, null);
		Field kind = new Field("kind", "类型", FieldType.SELECT, true, null, null, null, null, null, List.of("新办", "补办"),
				null, null, null, null, null, null);
		FormDefinition d = def(kind, reason);
		var hidden = validation.validate(d, Map.of("kind", "新办", "reason", "browser kept this"));
		assertThat(hidden.errors()).isEmpty();
		assertThat(hidden.values()).doesNotContainKey("reason");
		assertThat(errors(d, Map.of("kind", "补办"))).containsExactly("reason:form.error.required");
	}

	@Test
	void repeatingGroupsValidateEachRowAndDropEmptyOnes() {
		Field members = new Field("members", "家庭成员", FieldType.GROUP, true, null, null, null, null, null, null, null, null,
				null, 2, null, null);
		Field name = new Field("name", "姓名", FieldType.TEXT, true, null, "members", null, null, null, null, null, null, null,
				null, null, null);
		Field id = new Field("id", "身份证号码", FieldType.ID_NUMBER, true, null, "members", null, null, null, null, null, null,
				null, null, null, null);
		FormDefinition d = def(members, name, id);
		assertThat(errors(d, Map.of("members", List.of(Map.of("name", "", "id", ""))))).containsExactly("members:form.error.group.required");
		assertThat(errors(d, Map.of("members", List.of(Map.of("name", "", "id", ""), Map.of("name", "李四", "id", "123")))))
			.as("the blank row is dropped, so the faulty row is row 0").containsExactly("members[0].id:form.error.id.format");
		assertThat(errors(d, Map.of("members", List.of(Map.of("name", "甲", "id", "11010519491231002X"),
				Map.of("name", "乙", "id", "11010519491231002X"), Map.of("name", "丙", "id", "11010519491231002X")))))
			.containsExactly("members:form.error.group.max");
	}

	@Test
	void filesAreCheckedForTypeAndSize() {
		Field photo = new Field("photo", "照片", FieldType.FILE, true, null, null, null, null, null, null, null, null, null, null,
				List.of("jpg", "png"), 1);
		FormDefinition d = def(photo);
		assertThat(errors(d, Map.of())).containsExactly("photo:form.error.file.required");
		assertThat(errors(d, Map.of("photo", new FileRef("a.pdf", "application/pdf", 10)))).containsExactly("photo:form.error.file.type");
		assertThat(errors(d, Map.of("photo", new FileRef("a.JPG", "image/jpeg", 2_000_000)))).containsExactly("photo:form.error.file.size");
		assertThat(errors(d, Map.of("photo", new FileRef("a.JPG", "image/jpeg", 200_000)))).isEmpty();
	}

	@Test
	void htmlParametersBecomeValuesWithGroupRowsInOrder() {
		FormDefinition d = def(new Field("members", "成员", FieldType.GROUP, false, null, null, null, null, null, null, null,
				null, null, null, null, null), new Field("name", "姓名", FieldType.TEXT, true, null, "members", null, null, null,
						null, null, null, null, null, null, null), field("phone", FieldType.PHONE, true));
		Map<String, String[]> params = new HashMap<>();
		params.put("v.phone", new String[] { "13800012345" });
		params.put("v.members[1].name", new String[] { "乙" });
		params.put("v.members[0].name", new String[] { "甲" });
		params.put("_csrf", new String[] { "x" });
		Map<String, Object> values = FormValidation.fromParameters(d, params, Map.of(), "v.");
		assertThat(values).containsEntry("phone", "13800012345").doesNotContainKey("_csrf");
		assertThat(values.get("members")).isEqualTo(List.of(Map.of("name", "甲"), Map.of("name", "乙")));
	}

	@Test
	void definitionMistakesAreFoundAtTheirField() {
		Field select = new Field("kind", "类型", FieldType.SELECT, true, null, null, null, null, null, List.of(), null, null, null,
				null, null, null);
		Field badKey = new Field("1x", "", FieldType.TEXT, false, null, null, null, "[a-", null, null, BigDecimal.TEN,
				BigDecimal.ONE, null, null, null, null);
		Field dup = field("kind", FieldType.TEXT, false);
		Field orphan = new Field("child", "子项", FieldType.TEXT, false, null, "nogroup", null, null, null, null, null, null,
				null, null, null, null);
		Field cond = new Field("later", "条件", FieldType.TEXT, false, null, null, new Condition("notyet", List.of("a")), null,
				null, null, null, null, null, null, null, null);
		Field file = field("scan", FieldType.FILE, false);
		var problems = def(select, badKey, dup, orphan, cond, file).problems().stream()
			.map(p -> p.index() + "." + p.property() + ":" + p.code()).toList();
		assertThat(problems).containsExactly("0.options:form.def.options", "1.key:form.def.key", "1.label:form.def.label",
				"1.pattern:form.def.pattern", "1.max:form.def.range", "2.key:form.def.duplicate", "3.parent:form.def.parent",
				"4.showIf:form.def.condition", "5.accept:form.def.accept");
		assertThat(def(field("a", FieldType.TEXT, true)).problems()).isEmpty();
	}

	@Test
	void everyDemoFormIsAValidDefinitionOfADemoItem() throws Exception {
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		var forms = json.readTree(getClass().getResourceAsStream("/data/catalog/demo-forms.json")).get("forms");
		var items = json.readTree(getClass().getResourceAsStream("/data/catalog/demo-items.json")).get("items");
		Set<String> codes = new java.util.HashSet<>();
		items.forEach(i -> codes.add(i.get("code").asString()));
		assertThat(forms.propertyNames()).hasSizeGreaterThanOrEqualTo(8);
		for (String code : forms.propertyNames()) {
			FormDefinition d = json.treeToValue(forms.get(code), FormDefinition.class);
			assertThat(codes).as("an item for %s", code).contains(code);
			assertThat(d.problems()).as("problems of %s", code).isEmpty();
			assertThat(d.fields()).isNotEmpty();
		}
	}
}
