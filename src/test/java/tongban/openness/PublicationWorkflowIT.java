package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PolicyTerms.DocType;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.Validity;
import tongban.openness.internal.PublicationEditing;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.SamplePdfs;

/**
 * The editorial workflow's edges and refusals through the module's service and the real HTTP port: nothing is public
 * before the 保密审查, the author never reviews their own revision, 已修订 needs its successor, files are checked by
 * content, withdrawn and unknown publications are 404 and leave the feeds at once; the feeds, sitemap and API answer.
 */
class PublicationWorkflowIT extends IntegrationTest {

	private static final String ITEM = "330106-XK-0001-01";

	@Autowired
	PublicationEditing editing;

	@Autowired
	ProactiveDisclosureCounts counts;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private StaffMember member(People.Staff staff, Role role) {
		return new StaffMember(staff.id(), staff.displayName(), staff.departmentCode(), null, Set.of(role));
	}

	private static PublicationContent policy(String title, String docNumber, LocalDate on) {
		return new PublicationContent(title, "摘要", "第一条 正文。", on, docNumber, List.of("XH-SCJG"), DocType.NORMATIVE, on.minusDays(3), on,
				"市场监管、安全生产监管", Disclosure.PROACTIVE, null, List.of(ITEM), List.of(), null, null, List.of(), List.of(), null, null, null,
				null, null);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void nothingIsPublicBeforeTheReviewAndTheAuthorNeverReviewsTheirOwn() throws Exception {
		StaffMember editor = member(newStaff("XH-SCJG", Role.INFO_EDITOR, "测试编辑"), Role.INFO_EDITOR);
		People.Staff reviewerStaff = newStaff("XH-SCJG", Role.INFO_REVIEWER, "测试审查");
		StaffMember reviewer = member(reviewerStaff, Role.INFO_REVIEWER);
		String title = "测试政策" + UUID.randomUUID();
		UUID id = editing.create(editor, PublicationKind.POLICY, policy(title, "西市监〔2026〕" + System.nanoTime() % 1000 + "号",
				LocalDate.of(2026, 3, 2)), null).id();

		assertThat(get("/policies/" + id).statusCode()).isEqualTo(404);
		// publishing without passing the review: there is nothing in review to pass
		assertThatThrownBy(() -> editing.approve(reviewer, id, null)).hasMessageContaining("nothing in review");
		editing.submit(editor, id);
		// the editor who wrote it cannot pass it, even holding the reviewer's role
		StaffMember authorAsReviewer = new StaffMember(editor.id(), editor.name(), "XH-SCJG", null, Set.of(Role.INFO_EDITOR, Role.INFO_REVIEWER));
		assertThatThrownBy(() -> editing.approve(authorAsReviewer, id, null)).hasMessageContaining("own revision");
		// a reviewer of another department does not see it at all
		StaffMember other = member(newStaff("XH-RLSB", Role.INFO_REVIEWER, "他部门审查"), Role.INFO_REVIEWER);
		assertThatThrownBy(() -> editing.approve(other, id, null)).hasMessageContaining("not found");
		assertThat(get("/policies/" + id).statusCode()).isEqualTo(404);

		editing.approve(reviewer, id, "无涉密内容");
		var page = get("/policies/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(title).contains("/items/" + ITEM);
		assertThat(get("/items/" + ITEM).body()).contains(title);
		assertThat(get("/openness/XH-SCJG").body()).contains(title);
		assertThat(get("/feeds/departments/XH-SCJG.rss").body()).contains(title);
		assertThat(get("/feeds/departments/XH-SCJG/policies.atom").body()).contains(title);
		assertThat(get("/sitemap.xml").body()).contains("/policies/" + id).contains("/items/" + ITEM);
		var api = get("/api/policies/" + id);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains(title).contains(ITEM);
		assertThat(get("/api/policies?department=XH-SCJG&size=100").body()).contains(id.toString());

		// a new version goes through the review again; the public page keeps the old one meanwhile
		PublicationContent changed = policy(title + "（修订）", "西市监〔2026〕99号", LocalDate.of(2026, 3, 2));
		assertThat(editing.update(editor, id, changed).ok()).isTrue();
		editing.submit(editor, id);
		assertThat(get("/policies/" + id).body()).doesNotContain(title + "（修订）");
		editing.approve(reviewer, id, null);
		assertThat(get("/policies/" + id).body()).contains(title + "（修订）");

		// withdrawal: 404 and gone from the feeds and the guide page at once
		assertThat(editing.withdraw(editor, id, "误发").ok()).isTrue();
		assertThat(get("/policies/" + id).statusCode()).isEqualTo(404);
		assertThat(get("/api/policies/" + id).statusCode()).isEqualTo(404);
		assertThat(get("/feeds/departments/XH-SCJG.rss").body()).doesNotContain(title);
		assertThat(get("/items/" + ITEM).body()).doesNotContain(title);
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ?").param("publication:" + id).query(Long.class).single())
			.isGreaterThanOrEqualTo(7);
	}

	@Test
	void amendedNeedsItsSuccessorAndRepealChangesTheCounts() throws Exception {
		StaffMember editor = member(newStaff("XH-SCJG", Role.INFO_EDITOR, "测试编辑"), Role.INFO_EDITOR);
		StaffMember reviewer = member(newStaff("XH-SCJG", Role.INFO_REVIEWER, "测试审查"), Role.INFO_REVIEWER);
		var before = counts.normativeDocuments("XH-SCJG", 2024);
		UUID id = editing.create(editor, PublicationKind.POLICY, policy("时效测试" + UUID.randomUUID(), "", LocalDate.of(2024, 5, 6)), null).id();
		editing.submit(editor, id);
		editing.approve(reviewer, id, null);
		assertThat(counts.normativeDocuments("XH-SCJG", 2024)).isEqualTo(new ProactiveDisclosureCounts.Row(before.issued() + 1,
				before.repealed(), before.inForce() + 1));

		var refused = editing.proposeValidity(editor, id, Validity.AMENDED, null, LocalDate.of(2024, 9, 1), null);
		assertThat(refused.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("replacedBy:openness.pub.error.replaced-by-required");
		assertThat(editing.proposeValidity(editor, id, Validity.REPEALED, null, LocalDate.of(2024, 9, 1), "上位法修改").ok()).isTrue();
		assertThat(get("/policies/" + id).body()).doesNotContain("本文件已废止");
		editing.approve(reviewer, id, null);
		assertThat(get("/policies/" + id).body()).contains("本文件已废止");
		assertThat(counts.normativeDocuments("XH-SCJG", 2024)).isEqualTo(new ProactiveDisclosureCounts.Row(before.issued() + 1,
				before.repealed() + 1, before.inForce()));
	}

	@Test
	void theEditorsFormRefusesBadFilesAndControlCharactersAtTheField() {
		People.Staff editor = newStaff("XH-SCJG", Role.INFO_EDITOR, "表单编辑");
		FormSession session = FormSession.staff(url(""), editor);
		List<Map.Entry<String, String>> fields = List.of(Map.entry("kind", "POLICY"), Map.entry("title", "附件测试"),
				Map.entry("issuers", "XH-SCJG"), Map.entry("docType", "NORMATIVE"), Map.entry("writtenOn", "2026-01-02"),
				Map.entry("publishedOn", "2026-01-05"), Map.entry("topic", "综合政务"), Map.entry("disclosure", "PROACTIVE"),
				Map.entry("body", "正文"), Map.entry("items", ITEM));
		var exe = session.postMultipart("/workbench/publications/new?kind=POLICY", "/workbench/publications/new", fields,
				List.of(new FormSession.FilePart("attachmentFiles", "通知.pdf", "MZ\u0090 not a pdf".getBytes())));
		assertThat(exe.statusCode()).isEqualTo(200);
		assertThat(exe.body()).contains("error-summary").contains("不是 PDF、OFD 或 DOCX 文件");
		var script = session.postMultipart("/workbench/publications/new?kind=POLICY", "/workbench/publications/new", fields,
				List.of(new FormSession.FilePart("attachmentFiles", "a.pdf", SamplePdfs.withJavaScript())));
		assertThat(script.body()).contains("error-summary").contains("含有脚本");
		var unknownItem = session.postMultipart("/workbench/publications/new?kind=POLICY", "/workbench/publications/new",
				List.of(Map.entry("kind", "POLICY"), Map.entry("title", "事项测试"), Map.entry("items", "330106-XX-9999-99")), List.of());
		assertThat(unknownItem.body()).contains("找不到已发布的事项 330106-XX-9999-99").contains("请填写此项");
		var nul = session.post("/workbench/publications/new", "kind", "POLICY", "title", "坏\u0000字符");
		assertThat(nul.statusCode()).isEqualTo(400);
		var good = session.postMultipart("/workbench/publications/new?kind=POLICY", "/workbench/publications/new", fields,
				List.of(new FormSession.FilePart("attachmentFiles", "通知.pdf", SamplePdfs.blank())));
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(good.headers().firstValue("Location").orElseThrow()).contains("/workbench/publications/");
		// another department's staff find nothing there
		String path = URI.create(good.headers().firstValue("Location").orElseThrow()).getPath();
		FormSession other = FormSession.staff(url(""), newStaff("XH-RLSB", Role.INFO_EDITOR, "他部门编辑"));
		assertThat(other.get(path).statusCode()).isEqualTo(404);
		assertThat(session.get(path).body()).contains("附件测试").contains("通知.pdf");
	}

	@Test
	void aGraphicInterpretationTakesPicturesWithTheirTextOnly() throws Exception {
		People.Staff editorStaff = newStaff("XH-SCJG", Role.INFO_EDITOR, "图解编辑");
		StaffMember reviewer = member(newStaff("XH-SCJG", Role.INFO_REVIEWER, "图解审查"), Role.INFO_REVIEWER);
		StaffMember editor = member(editorStaff, Role.INFO_EDITOR);
		UUID policy = editing.create(editor, PublicationKind.POLICY, policy("图解所依据的文件" + UUID.randomUUID(), "", LocalDate.of(2026, 2, 2)),
				null).id();
		editing.submit(editor, policy);
		editing.approve(reviewer, policy, null);
		byte[] png = Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
		FormSession session = FormSession.staff(url(""), editorStaff);
		List<Map.Entry<String, String>> fields = List.of(Map.entry("kind", "INTERPRETATION"), Map.entry("title", "一图读懂测试"),
				Map.entry("publishedOn", "2026-02-03"), Map.entry("policyId", policy.toString()), Map.entry("form", "GRAPHIC"),
				Map.entry("body", "要点"), Map.entry("figureCaption", "办理流程"));
		String form = "/workbench/publications/new?kind=INTERPRETATION";
		var noAlt = session.postMultipart(form, "/workbench/publications/new", fields, List.of(new FormSession.FilePart("figureFile", "a.png", png)));
		assertThat(noAlt.body()).contains("error-summary").contains("请填写图片的文字描述");
		List<Map.Entry<String, String>> withAlt = new ArrayList<>(fields);
		withAlt.add(Map.entry("figureAlt", "流程图：网上申请、审核、发证三步"));
		var notImage = session.postMultipart(form, "/workbench/publications/new", withAlt,
				List.of(new FormSession.FilePart("figureFile", "a.png", SamplePdfs.blank())));
		assertThat(notImage.body()).contains("不是 PNG 或 JPG 图片");
		var saved = session.postMultipart(form, "/workbench/publications/new", withAlt, List.of(new FormSession.FilePart("figureFile", "a.png", png)));
		assertThat(saved.statusCode()).isEqualTo(302);
		UUID id = UUID.fromString(saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		editing.submit(editor, id);
		editing.approve(reviewer, id, null);
		assertThat(get("/interpretations/" + id).body()).contains("alt=\"流程图：网上申请、审核、发证三步\"").contains("/policies/" + policy);
		var picture = get("/interpretations/" + id + "/figures/0");
		assertThat(picture.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
		assertThat(get("/policies/" + policy).body()).contains("/interpretations/" + id);
	}

	@Test
	void unknownIdsAre404AndBadApiParametersAreProblems() throws Exception {
		assertThat(get("/policies/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(get("/policies/not-an-id").statusCode()).isEqualTo(404);
		assertThat(get("/interpretations/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(get("/articles/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(get("/openness/NO-SUCH").statusCode()).isEqualTo(404);
		assertThat(get("/feeds/nothing.rss").statusCode()).isEqualTo(404);
		var badValidity = get("/api/policies?validity=MAYBE");
		assertThat(badValidity.statusCode()).isEqualTo(400);
		assertThat(badValidity.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		var badYear = get("/api/publications?year=3000");
		assertThat(badYear.statusCode()).isBetween(400, 499);
		assertThat(badYear.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(get("/api/publications?size=1000").statusCode()).isBetween(400, 499);
		assertThat(get("/api/publications/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(get("/v3/api-docs").body()).contains("/api/policies/{id}").contains("/api/publications");
		assertThat(get("/policies?year=abc&validity=x&page=-1").statusCode()).isEqualTo(200);
		// the feeds and the sitemap are well-formed XML of their kinds
		var parser = DocumentBuilderFactory.newInstance();
		parser.setNamespaceAware(true);
		for (String feed : List.of("/feeds/all.atom", "/feeds/policies.rss", "/feeds/departments/XH-SCJG/articles.atom", "/sitemap.xml")) {
			var response = http.send(HttpRequest.newBuilder(URI.create(url(feed))).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).as(feed).isEqualTo(200);
			var root = parser.newDocumentBuilder().parse(response.body()).getDocumentElement();
			assertThat(root.getLocalName()).as(feed).isIn("feed", "rss", "urlset");
		}
	}

	@Test
	void theDemoContentIsPublishedAsReviewedWithItsLinks() throws Exception {
		JsonNode policies = json.readTree(new ClassPathResource("data/openness/policies.json").getInputStream()).get("policies");
		JsonNode interpretations = json.readTree(new ClassPathResource("data/openness/interpretations.json").getInputStream()).get("interpretations");
		JsonNode articles = json.readTree(new ClassPathResource("data/openness/articles.json").getInputStream()).get("articles");
		assertThat(demoCount("policy:%")).isEqualTo(policies.size());
		assertThat(demoCount("interpretation:%")).isEqualTo(interpretations.size());
		assertThat(demoCount("article:%")).isEqualTo(articles.size());
		for (JsonNode p : policies) {
			UUID id = demoId("policy:" + p.get("key").asString());
			var page = get("/policies/" + id);
			if (!p.get("disclosure").asString().equals("PROACTIVE")) {
				assertThat(page.statusCode()).as(p.get("key").asString()).isEqualTo(404);
				continue;
			}
			assertThat(page.statusCode()).as(p.get("key").asString()).isEqualTo(200);
			switch (p.get("validity").asString()) {
				case "AMENDED" -> assertThat(page.body()).contains("本文件已修订")
					.contains("/policies/" + demoId("policy:" + p.get("replacedBy").asString()));
				case "REPEALED" -> assertThat(page.body()).contains("本文件已废止");
				case "EXPIRED" -> assertThat(page.body()).contains("本文件已失效");
				default -> assertThat(page.body()).doesNotContain("validity-banner");
			}
		}
		for (JsonNode i : interpretations) {
			UUID id = demoId("interpretation:" + i.get("key").asString());
			UUID policy = demoId("policy:" + i.get("policy").asString());
			var page = get("/interpretations/" + id).body();
			assertThat(page).contains("/policies/" + policy);
			if (i.has("figures") && i.get("figures").size() > 0) {
				assertThat(page).contains(i.get("figures").get(0).get("alt").asString());
				assertThat(get("/interpretations/" + id + "/figures/0").body()).startsWith("<svg");
			}
		}
		UUID anyPolicy = demoId("policy:" + policies.get(0).get("key").asString());
		assertThat(jdbc.sql("select reviewer_name from openness_publication_revision where publication_id = ? and status = 'APPROVED'")
			.param(anyPolicy).query(String.class).single()).isEqualTo("演示保密审查员");
		assertThat(get("/articles").body()).contains("publication-list");
		assertThat(get("/policies?validity=AMENDED").body()).contains("已修订");
	}

	private long demoCount(String pattern) {
		return jdbc.sql("select count(*) from openness_publication where demo_key like ?").param(pattern).query(Long.class).single();
	}

	private UUID demoId(String key) {
		return jdbc.sql("select id from openness_publication where demo_key = ?").param(key).query(UUID.class).single();
	}
}
