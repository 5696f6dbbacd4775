package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.openness.internal.DepartmentGuides;
import tongban.openness.internal.DepartmentGuides.DepartmentGuide;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * A department's 政府信息公开指南 and 公开目录 as the public reads them (from the demo data), 404 for a department that
 * does not exist, and their editing by the department's INFO_EDITOR: refused beside the field when a section is
 * emptied, saved and audited otherwise, and out of reach of a reviewer.
 */
class DepartmentGuidePagesIT extends IntegrationTest {

	@Autowired
	DepartmentGuides guides;

	@Autowired
	AuditTrail audit;

	@Test
	void theGuideGivesTheProcedureAndTheCatalogueLinksToTheContent() {
		FormSession anyone = new FormSession(url(""));
		HttpResponse<String> guide = anyone.get("/openness/XH-SCJG/guide");
		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("杭州市西湖区市场监督管理局政府信息公开指南", "三、依申请公开", "20个工作日", "7个工作日",
				"不收取费用", "0571-81001111", "href=\"/openness/XH-SCJG/catalogue\"");

		HttpResponse<String> catalogue = anyone.get("/openness/XH-SCJG/catalogue");
		assertThat(catalogue.statusCode()).isEqualTo(200);
		assertThat(catalogue.body()).contains("杭州市西湖区市场监督管理局政府信息公开目录", "规范性文件", "财政预决算", "行政处罚和行政强制",
				"href=\"/policies?department=XH-SCJG\"", "href=\"/articles?department=XH-SCJG\"",
				"href=\"/departments/XH-SCJG\"", "href=\"/openness/XH-SCJG/guide\"");

		for (String code : List.of("XH-GA", "XH-RLSB", "XH-WJ", "XH-MZ", "XH-ZJ", "XH-JY", "XH-YB", "XH-SW", "XH-ZWFW",
				"XH-GHZY", "XH-SF", "XH-ZFB")) {
			assertThat(anyone.get("/openness/" + code + "/catalogue").statusCode()).as(code).isEqualTo(200);
		}
	}

	@Test
	void anUnknownDepartmentIsNotFound() {
		FormSession anyone = new FormSession(url(""));
		for (String path : List.of("/openness/XH-NONE/guide", "/openness/XH-NONE/catalogue", "/openness/%E8%A5%BF/guide")) {
			HttpResponse<String> page = anyone.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).doesNotContain("政府信息公开指南</h1>");
		}
	}

	@Test
	void theEditorOfTheDepartmentEditsItsGuideAndCatalogue() {
		People.Staff editor = people.staff("XH-SF", Role.INFO_EDITOR, "司法编辑");
		FormSession session = FormSession.staff(url(""), editor);
		HttpResponse<String> form = session.get("/workbench/publications/guide");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("编辑杭州市西湖区司法局政府信息公开指南和公开目录", "name=\"sections\"", "name=\"descriptions\"");
		DepartmentGuide before = guides.find("XH-SF").orElseThrow();

		List<String> fields = fields(before, 2, "  ");
		HttpResponse<String> refused = session.post("/workbench/publications/guide", fields.toArray(String[]::new));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-testid=\"error-summary\"", "href=\"#sections[2]\"", "id=\"sections[2]-error\"",
				"请填写“三、依申请公开”");
		assertThat(guides.find("XH-SF").orElseThrow()).as("nothing saved").isEqualTo(before);

		String changed = "（一）受理机构。本机关依申请公开的受理机构为办公室。\r\n\r\n（二）提出申请。可以通过本平台在线提交。";
		HttpResponse<String> saved = session.post("/workbench/publications/guide",
				fields(before, 2, changed).toArray(String[]::new));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/publications/guide");

		DepartmentGuide after = guides.find("XH-SF").orElseThrow();
		assertThat(after.sections().get(2).text()).isEqualTo(changed.replace("\r\n", "\n"));
		assertThat(after.updatedBy()).isEqualTo("司法编辑");
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(new FormSession(url("")).get("/openness/XH-SF/guide").body())
			.contains("<p lang=\"zh-CN\">（二）提出申请。可以通过本平台在线提交。</p>");
		assertThat(audit.recent(50)).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(DepartmentGuides.EDIT);
			assertThat(entry.actor()).isEqualTo("staff:" + editor.id());
			assertThat(entry.subject()).isEqualTo("openness-guide:XH-SF");
			assertThat(entry.detail()).contains("三、依申请公开");
		});

		HttpResponse<String> stale = session.post("/workbench/publications/guide", fields(before, 2, "旧版本上的修改").toArray(String[]::new));
		assertThat(stale.statusCode()).as("a form read before the last save is refused").isEqualTo(302);
		assertThat(guides.find("XH-SF").orElseThrow()).isEqualTo(after);
		assertThat(session.get("/workbench/publications/guide").body()).contains("公开指南已被他人修改");
	}

	@Test
	void badInputIsRefusedBesideTheFieldOrAsStaleNeverWithA500() {
		People.Staff editor = people.staff("XH-WJ", Role.INFO_EDITOR, "卫健编辑");
		FormSession session = FormSession.staff(url(""), editor);
		session.get("/workbench/publications/guide");
		DepartmentGuide before = guides.find("XH-WJ").orElseThrow();

		HttpResponse<String> overlong = session.post("/workbench/publications/guide",
				fields(before, 0, "长".repeat(4001)).toArray(String[]::new));
		assertThat(overlong.statusCode()).isEqualTo(200);
		assertThat(overlong.body()).contains("“一、说明”不能超过4000个字", "id=\"sections[0]-error\"");

		List<String> tampered = fields(before, 0, "改动");
		tampered.set(1, "abc");
		tampered.addAll(List.of("sections[9999]", "x", "descriptions", "多出来的一项"));
		HttpResponse<String> refused = session.post("/workbench/publications/guide", tampered.toArray(String[]::new));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(guides.find("XH-WJ").orElseThrow()).as("nothing saved").isEqualTo(before);
	}

	@Test
	void aReviewerCannotEditTheGuide() {
		People.Staff reviewer = people.staff("XH-SF", Role.INFO_REVIEWER, "司法审查");
		FormSession session = FormSession.staff(url(""), reviewer);
		assertThat(session.get("/workbench/publications/guide").statusCode()).isEqualTo(404);
	}

	/** The form's fields for {@code guide} with section {@code index} replaced by {@code text}. */
	static List<String> fields(DepartmentGuide guide, int index, String text) {
		List<String> fields = new ArrayList<>(List.of("version", Integer.toString(guide.version())));
		for (int i = 0; i < guide.sections().size(); i++) {
			fields.add("sections");
			fields.add(i == index ? text : guide.sections().get(i).text());
		}
		guide.catalogue().forEach(category -> {
			fields.add("descriptions");
			fields.add(category.description());
		});
		return fields;
	}
}
