package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tongban.support.IntegrationTest;

/** The demo catalogue, its REST API and browsing filters. */
class CatalogIT extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	private RestClient http() {
		return RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
	}

	private java.util.List<ItemSummary> all() {
		return catalog.browse(ItemFilter.any(), Pageable.ofSize(1000)).getContent();
	}

	@Test
	void demoCatalogueCoversEveryAppliedForTypeAndTenDepartments() {
		var items = all();
		assertThat(items).hasSizeGreaterThanOrEqualTo(60);
		Set<String> types = items.stream().map(ItemSummary::type).collect(Collectors.toSet());
		assertThat(types).containsAll(EnumSet.allOf(ServiceGuide.ItemType.class).stream().map(Enum::name).toList());
		assertThat(items.stream().map(ItemSummary::departmentCode).distinct().count()).isGreaterThanOrEqualTo(10);
		assertThat(items).extracting(ItemSummary::name).anySatisfy(n -> assertThat(n).contains("食品经营许可"))
			.anySatisfy(n -> assertThat(n).contains("个体工商户"))
			.anySatisfy(n -> assertThat(n).contains("出生医学证明"))
			.anySatisfy(n -> assertThat(n).contains("社会保障卡"))
			.anySatisfy(n -> assertThat(n).contains("结婚登记"))
			.anySatisfy(n -> assertThat(n).contains("不动产"))
			.anySatisfy(n -> assertThat(n).contains("退休"))
			.anySatisfy(n -> assertThat(n).contains("建设工程规划许可"));
		for (ItemSummary s : items) {
			assertThat(PublishingGate.check(catalog.published(s.code()).orElseThrow().guide())).as(s.code()).isEmpty();
		}
	}

	@Test
	void filtersNarrowTheList() {
		var all = all();
		var licensing = catalog.browse(new ItemFilter(null, null, "XK", null, null, null, null), Pageable.ofSize(1000));
		assertThat(licensing.getContent()).isNotEmpty().allSatisfy(i -> assertThat(i.type()).isEqualTo("XK"));
		assertThat(licensing.getTotalElements()).isLessThan(all.size());
		var noVisit = catalog.browse(new ItemFilter(null, null, null, null, 0, null, null), Pageable.ofSize(1000));
		assertThat(noVisit.getContent()).allSatisfy(i -> assertThat(i.requiredVisits()).isZero());
		var fullyOnline = catalog.browse(new ItemFilter(null, null, null, 4, null, null, null), Pageable.ofSize(1000));
		assertThat(fullyOnline.getContent()).isNotEmpty().allSatisfy(i -> assertThat(i.onlineDepth()).isEqualTo(4));
		var market = catalog.browse(new ItemFilter(null, "XH-SCJG", null, null, null, null, null), Pageable.ofSize(1000));
		assertThat(market.getContent()).isNotEmpty().allSatisfy(i -> assertThat(i.departmentCode()).isEqualTo("XH-SCJG"));
		var birth = catalog.browse(new ItemFilter("生育收养", null, null, null, null, null, null), Pageable.ofSize(1000));
		assertThat(birth.getContent()).extracting(ItemSummary::name).anySatisfy(n -> assertThat(n).contains("出生医学证明"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void restApiServesItemsThemesAndProblems() {
		String code = all().getFirst().code();
		Map<String, Object> item = http().get().uri("/api/items/{code}", code).retrieve().body(Map.class);
		assertThat(item).containsEntry("code", code).containsKey("guide");
		assertThat((Map<String, Object>) item.get("guide")).containsKeys("materials", "legalBasis", "statutoryLimit");
		Map<String, Object> page = http().get().uri("/api/items?type=XK&size=5").retrieve().body(Map.class);
		assertThat((java.util.List<?>) page.get("content")).hasSizeLessThanOrEqualTo(5).isNotEmpty();
		assertThat(http().get().uri("/api/themes").retrieve().body(java.util.List.class)).hasSizeGreaterThanOrEqualTo(16);
		var missing = http().get().uri("/api/items/NO-SUCH-CODE").retrieve().toEntity(String.class);
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(http().get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/api/items/{code}").contains("/api/themes");
	}

	@Test
	void anonymousPortalPagesCreateNoSession() {
		String code = all().getFirst().code();
		for (String path : new String[] { "/", "/items/" + code, "/search?q=社保卡", "/browse" }) {
			var r = http().get().uri(path).retrieve().toEntity(String.class);
			assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
			assertThat(r.getHeaders().getOrEmpty("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("TONGBAN_SESSION"));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishedFormsAreServedShownAndValidatedThroughTheApi() {
		String code = "330106-GG-0001-02"; // 社会保障卡挂失与补领, with a demo form
		Map<String, Object> item = http().get().uri("/api/items/{code}", code).retrieve().body(Map.class);
		var fields = (java.util.List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) item.get("guide")).get("form")).get("fields");
		assertThat(fields).extracting(f -> f.get("key")).contains("name", "idNumber", "reason", "lostDate");
		assertThat(http().get().uri("/items/{code}", code).retrieve().body(String.class)).as("the guide lists what to prepare")
			.contains("data-testid=\"form-fields\"").contains("办理原因");

		var bad = http().post().uri("/api/items/{code}/form/validation", code).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("values", Map.of("name", "张三", "idNumber", "110105194912310021", "phone", "1380001", "reason", "遗失",
					"delivery", "免费邮寄")))
			.retrieve().toEntity(Map.class);
		assertThat(bad.getStatusCode().value()).isEqualTo(422);
		assertThat(bad.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat((java.util.List<Map<String, Object>>) bad.getBody().get("errors")).extracting(e -> e.get("path") + " " + e.get("message"))
			.containsExactlyInAnyOrder("idNumber 申请人公民身份号码的校验码不正确，请核对每一位", "phone 联系电话须为 11 位手机号码或带区号的固定电话",
					"lostDate 请填写遗失日期", "mailAddress 请填写邮寄地址");

		var ok = http().post().uri("/api/items/{code}/form/validation", code).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("values", Map.of("name", "张三", "idNumber", "11010519491231002x", "phone", "138 0001 2345", "reason", "损坏",
					"lostDate", "ignored when hidden", "delivery", "窗口领取",
					"damagedCard", Map.of("name", "card.jpg", "contentType", "image/jpeg", "size", 12345))))
			.retrieve().toEntity(Map.class);
		assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(200);
		assertThat((Map<String, Object>) ok.getBody().get("values")).containsEntry("idNumber", "11010519491231002X")
			.containsEntry("phone", "13800012345").doesNotContainKey("lostDate");

		var garbage = http().post().uri("/api/items/{code}/form/validation", code).contentType(MediaType.APPLICATION_JSON)
			.body("{not json").retrieve().toEntity(String.class);
		assertThat(garbage.getStatusCode().value()).isEqualTo(400);
		assertThat(http().post().uri("/api/items/NO-SUCH/form/validation").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("values", Map.of())).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
	}

	@org.springframework.beans.factory.annotation.Autowired
	tongban.catalog.internal.CatalogEditing editing;

	@Test
	void anonymousGuidePagesAreServedAgainUntilANewVersionIsPublished() {
		String code = "330106-GG-K" + System.nanoTime() % 100000 + "-01";
		catalog.importPublished(PublishingGateTest.with("code", code, "department", "XH-MZ", "name", "缓存测试甲", "type", "GG",
				"faq", java.util.List.of()), null, "测试");
		String first = http().get().uri("/items/{code}", code).retrieve().body(String.class);
		assertThat(first).contains("缓存测试甲").doesNotContain("_csrf");
		assertThat(http().get().uri("/items/{code}", code).retrieve().body(String.class)).isEqualTo(first);
		assertThat(http().get().uri("/items/{code}", code).header("Cookie", "tb_elder=1").retrieve().body(String.class))
			.as("elder mode is its own page").contains("<body class=\"elder");

		var admin = new tongban.catalog.internal.CatalogEditing.Editor(java.util.UUID.randomUUID(), "测试", "XH-MZ", false);
		var platform = new tongban.catalog.internal.CatalogEditing.Editor(java.util.UUID.randomUUID(), "平台", null, true);
		editing.edit(admin, code);
		var draft = editing.detail(admin, code).open();
		var form = tongban.catalog.internal.ItemForms.form(PublishingGateTest.with("code", code, "department", "XH-MZ",
				"name", "缓存测试乙", "type", "GG", "faq", java.util.List.of()), draft.lockVersion());
		var errors = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
		assertThat(editing.save(admin, code, form, errors)).as("%s", errors).isPositive();
		assertThat(editing.submit(admin, code, errors)).as("%s", errors).isTrue();
		assertThat(editing.publish(platform, code, errors)).as("%s", errors).isTrue();
		assertThat(http().get().uri("/items/{code}", code).retrieve().body(String.class)).contains("缓存测试乙").doesNotContain("缓存测试甲");
	}

	@Test
	@SuppressWarnings("unchecked")
	void browseByRegionAndTheItemHierarchy() {
		long all = ((Number) http().get().uri("/api/items?size=1").retrieve().body(Map.class).get("totalElements")).longValue();
		for (String inside : new String[] { "330000", "330100", "330106" }) {
			Map<String, Object> page = http().get().uri("/api/items?size=1&region={r}", inside).retrieve().body(Map.class);
			assertThat(((Number) page.get("totalElements")).longValue()).as(inside).isEqualTo(all);
		}
		for (String outside : new String[] { "110000", "330200", "330102" }) {
			Map<String, Object> page = http().get().uri("/api/items?size=1&region={r}", outside).retrieve().body(Map.class);
			assertThat(((Number) page.get("totalElements")).longValue()).as(outside).isZero();
		}
		assertThat(catalog.browsableRegions()).extracting(tongban.directory.Region::code).containsExactly("330000", "330100", "330106");
		String browse = http().get().uri("/browse?region=330106&type=GG").retrieve().body(String.class);
		assertThat(browse).contains("<option value=\"330106\" selected=\"selected\">西湖区</option>").contains("社会保障卡申领");
		assertThat(http().get().uri("/browse?region=abc").retrieve().toEntity(String.class).getStatusCode().value())
			.as("a malformed region is ignored").isEqualTo(200);

		String guide = http().get().uri("/items/330106-GG-0001-01").retrieve().body(String.class);
		assertThat(guide).contains("主项：社会保障卡服务").contains("data-testid=\"related\"")
			.contains("href=\"/items/330106-GG-0001-02\"");
	}

	@Test
	void aBlankApplicationFormToPrintIsLinkedFromTheGuideAndItsMaterial() {
		String guide = http().get().uri("/items/330106-XK-0002-01").retrieve().body(String.class);
		assertThat(guide).contains("data-testid=\"blank-form\">下载空白申请表</a>")
			.contains("href=\"/items/330106-XK-0002-01/form\">空白表格</a>");
		String blank = http().get().uri("/items/330106-XK-0002-01/form").retrieve().body(String.class);
		assertThat(blank).contains("空白申请表 · 个体工商户设立登记").contains("经营者公民身份号码").contains("参加经营的家庭成员")
			.contains("当“组成形式”为“家庭经营”时填写");
		String withoutForm = all().stream().map(ItemSummary::code).filter(c -> catalog.published(c).orElseThrow().guide().form().isEmpty())
			.findFirst().orElseThrow();
		assertThat(http().get().uri("/items/{c}/form", withoutForm).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
	}
}
