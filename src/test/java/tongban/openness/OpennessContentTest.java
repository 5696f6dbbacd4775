package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the demo content in {@code data/openness/} against the format of its README and against the rest of the demo
 * data: keys unique, every link (replacedBy, policy, item, department) resolving, dates real and not in the future, no
 * control characters, sources everywhere, and the amounts the issue asks for.
 */
class OpennessContentTest {

	/** The last day the demo content may carry: the day it was written. */
	static final LocalDate WRITTEN = LocalDate.of(2026, 12, 6);

	/** The directory's demo departments (tongban.directory.internal.DirectoryDemoData). */
	static final Set<String> DEPARTMENTS = Set.of("XH-SCJG", "XH-GA", "XH-RLSB", "XH-WJ", "XH-MZ", "XH-ZJ", "XH-JY",
			"XH-YB", "XH-SW", "XH-ZWFW", "XH-GHZY", "XH-SF", "XH-ZFB");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static JsonNode policies;
	static JsonNode interpretations;
	static JsonNode articles;
	static JsonNode guides;
	static JsonNode knowledge;
	static Set<String> itemCodes;

	@BeforeAll
	static void read() throws IOException {
		policies = file("policies");
		interpretations = file("interpretations");
		articles = file("articles");
		guides = file("guides");
		knowledge = file("knowledge");
		try (InputStream in = resource("data/catalog/demo-items.json")) {
			itemCodes = new HashSet<>();
			JSON.readTree(in).get("items").forEach(item -> itemCodes.add(item.get("code").asString()));
		}
	}

	static JsonNode file(String name) throws IOException {
		try (InputStream in = resource("data/openness/" + name + ".json")) {
			return JSON.readTree(in);
		}
	}

	static InputStream resource(String path) {
		InputStream in = OpennessContentTest.class.getClassLoader().getResourceAsStream(path);
		assertThat(in).as(path).isNotNull();
		return in;
	}

	static List<JsonNode> list(JsonNode file, String field) {
		JsonNode array = file.get(field);
		assertThat(array).as(field).isNotNull();
		assertThat(array.isArray()).as(field + " is a list").isTrue();
		List<JsonNode> out = new ArrayList<>();
		array.forEach(out::add);
		return out;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		assertThat(value).as("%s in %s", field, node.path("key").asString(node.path("department").asString()))
			.isNotNull();
		assertThat(value.asString()).as("%s in %s", field, node.path("key").asString()).isNotBlank();
		return value.asString();
	}

	static List<String> strings(JsonNode node, String field) {
		List<String> out = new ArrayList<>();
		node.path(field).forEach(value -> out.add(value.asString()));
		return out;
	}

	/** A date of the past: the content cannot have been written, published or read after it was written. */
	static LocalDate date(JsonNode node, String field) {
		LocalDate day = day(node, field);
		assertThat(day).as("%s of %s", field, node.path("key").asString()).isBeforeOrEqualTo(WRITTEN);
		return day;
	}

	static LocalDate day(JsonNode node, String field) {
		String value = text(node, field);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new AssertionError(field + " of " + node.path("key").asString() + " is not an ISO date: " + value);
		}
	}

	static Map<String, JsonNode> byKey(List<JsonNode> nodes, String what) {
		Map<String, JsonNode> out = new HashMap<>();
		for (JsonNode node : nodes) {
			String key = text(node, "key");
			assertThat(out.put(key, node)).as("%s key %s is unique", what, key).isNull();
		}
		return out;
	}

	@Test
	void everyFileNamesItsSources() {
		for (JsonNode file : List.of(policies, interpretations, articles, guides, knowledge)) {
			List<JsonNode> sources = list(file, "sources");
			assertThat(sources).isNotEmpty();
			for (JsonNode source : sources) {
				text(source, "url");
				text(source, "title");
				if (source.has("read")) {
					date(source, "read");
				}
				else {
					assertThat(source.path("note").asString()).as("a source not read here says so: %s", source)
						.isNotBlank();
				}
			}
		}
	}

	@Test
	void noControlCharactersAnywhere() {
		for (JsonNode file : List.of(policies, interpretations, articles, guides, knowledge)) {
			walk(file, value -> {
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					assertThat(c == '\n' || !Character.isISOControl(c) && c != '\u2028' && c != '\u2029')
						.as("control character U+%04X in: %s", (int) c, value)
						.isTrue();
				}
				assertThat(value).as("no blank line run or trailing space in: %s", value)
					.doesNotContain("\n\n\n")
					.doesNotEndWith(" ");
			});
		}
	}

	static void walk(JsonNode node, Consumer<String> onText) {
		if (node.isString()) {
			onText.accept(node.asString());
		}
		node.forEach(child -> walk(child, onText));
		if (node.isObject()) {
			node.propertyNames().forEach(onText);
		}
	}

	@Test
	void policiesFollowTheFormatAndTheirLinksResolve() {
		Map<String, JsonNode> byKey = byKey(list(policies, "policies"), "policy");
		for (JsonNode policy : byKey.values()) {
			String key = policy.get("key").asString();
			text(policy, "title");
			assertThat(policy.has("docNumber")).as("docNumber of %s (may be empty)", key).isTrue();
			List<String> issuers = strings(policy, "issuers");
			assertThat(issuers).as("issuers of %s", key).isNotEmpty().doesNotHaveDuplicates();
			assertThat(DEPARTMENTS).as("issuers of %s", key).containsAll(issuers);
			assertThat(text(policy, "docType")).as(key).isIn("REGULATION", "NORMATIVE", "OTHER");
			LocalDate written = date(policy, "writtenOn");
			LocalDate published = date(policy, "publishedOn");
			LocalDate effective = date(policy, "effectiveOn");
			assertThat(published).as("%s published on or after it was written", key).isAfterOrEqualTo(written);
			assertThat(effective).as("%s takes effect on or after it was written", key).isAfterOrEqualTo(written);
			String validity = text(policy, "validity");
			assertThat(validity).as(key).isIn("VALID", "EXPIRED", "REPEALED", "AMENDED");
			String replacedBy = policy.path("replacedBy").asString("");
			if (validity.equals("AMENDED")) {
				assertThat(replacedBy).as("an AMENDED policy (%s) names its successor", key).isNotBlank();
			}
			if (!replacedBy.isBlank()) {
				assertThat(byKey).as("%s is replaced by a policy in the file", key).containsKey(replacedBy);
				assertThat(replacedBy).as("%s does not replace itself", key).isNotEqualTo(key);
				assertThat(validity).as("%s, replaced, is no longer valid", key).isNotEqualTo("VALID");
				assertThat(date(byKey.get(replacedBy), "publishedOn")).as("the successor of %s is newer", key)
					.isAfterOrEqualTo(published);
			}
			text(policy, "topic");
			String disclosure = text(policy, "disclosure");
			assertThat(disclosure).as(key).isIn("PROACTIVE", "ON_REQUEST", "NOT_DISCLOSED");
			if (!disclosure.equals("PROACTIVE")) {
				assertThat(policy.path("disclosureReason").asString("")).as("legal reason of %s", key).contains("条例");
			}
			text(policy, "summary");
			assertThat(text(policy, "body").split("\n\n")).as("paragraphs of %s", key).hasSizeGreaterThanOrEqualTo(3);
			assertThat(itemCodes).as("items governed by %s", key).containsAll(strings(policy, "items"));
		}
	}

	/** An outside page, or one of the product's pages that exist: a service guide, 12345, a department's guide or catalogue. */
	static boolean linksToAPageThatExists(String url) {
		if (url.startsWith("https://") || url.startsWith("http://")) {
			return true;
		}
		if (url.startsWith("/items/")) {
			return itemCodes.contains(url.substring("/items/".length()));
		}
		if (url.startsWith("/openness/")) {
			String[] parts = url.split("/");
			return parts.length == 4 && DEPARTMENTS.contains(parts[2]) && Set.of("guide", "catalogue").contains(parts[3]);
		}
		return url.equals("/hotline");
	}

	@Test
	void theFilesHoldWhatTheIssueAsksFor() {
		List<JsonNode> all = list(policies, "policies");
		assertThat(all).hasSizeGreaterThanOrEqualTo(30);
		assertThat(list(interpretations, "interpretations")).hasSizeGreaterThanOrEqualTo(15);
		assertThat(list(articles, "articles")).hasSizeGreaterThanOrEqualTo(20);
		assertThat(list(knowledge, "entries")).hasSizeGreaterThanOrEqualTo(100);
		assertThat(all.stream().map(policy -> policy.get("validity").asString()))
			.as("a mix of validities")
			.contains("VALID", "REPEALED", "EXPIRED", "AMENDED");
		assertThat(all.stream().filter(policy -> policy.get("issuers").size() > 1)).as("joint documents")
			.hasSizeGreaterThanOrEqualTo(3);
		assertThat(all.stream().filter(policy -> policy.get("docType").asString().equals("NORMATIVE")))
			.hasSizeGreaterThanOrEqualTo(5);
		assertThat(all.stream().filter(policy -> strings(policy, "items").contains("330106-XK-0001-01")))
			.as("policies governing 食品经营许可（新办）")
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(all.stream().filter(policy -> strings(policy, "items").contains("330106-GG-0001-02")))
			.as("policies governing 社会保障卡挂失与补领")
			.isNotEmpty();
		assertThat(list(interpretations, "interpretations").stream().map(interpretation -> interpretation.get("form").asString()))
			.contains("TEXT", "GRAPHIC", "QA");
		assertThat(list(articles, "articles").stream().map(article -> article.get("category").asString()))
			.contains("NOTICE", "NEWS");
	}

	@Test
	void interpretationsExplainPoliciesOfTheFile() {
		Map<String, JsonNode> policyByKey = byKey(list(policies, "policies"), "policy");
		for (JsonNode interpretation : byKey(list(interpretations, "interpretations"), "interpretation").values()) {
			String key = interpretation.get("key").asString();
			JsonNode policy = policyByKey.get(text(interpretation, "policy"));
			assertThat(policy).as("the policy %s explains", key).isNotNull();
			text(interpretation, "title");
			List<String> departments = strings(interpretation, "departments");
			assertThat(departments).as(key).isNotEmpty();
			assertThat(DEPARTMENTS).as("departments of %s", key).containsAll(departments);
			assertThat(date(interpretation, "publishedOn")).as("%s is published after its policy was written", key)
				.isAfterOrEqualTo(date(policy, "writtenOn"));
			text(interpretation, "body");
			for (JsonNode question : interpretation.path("questions")) {
				text(question, "q");
				text(question, "a");
			}
			switch (text(interpretation, "form")) {
				case "TEXT" -> { }
				case "GRAPHIC" -> {
					assertThat(interpretation.path("figures").size()).as("figures of %s", key).isPositive();
					for (JsonNode figure : interpretation.path("figures")) {
						text(figure, "caption");
						text(figure, "alt");
					}
				}
				case "QA" -> assertThat(interpretation.path("questions").size()).as("questions of %s", key)
					.isGreaterThanOrEqualTo(3);
				default -> throw new AssertionError("form of " + key);
			}
		}
	}

	@Test
	void articlesAreOfTheLastTwoYears() {
		for (JsonNode article : byKey(list(articles, "articles"), "article").values()) {
			String key = article.get("key").asString();
			assertThat(text(article, "category")).as(key).isIn("NOTICE", "NEWS");
			text(article, "title");
			assertThat(DEPARTMENTS).as(key).contains(text(article, "department"));
			assertThat(date(article, "publishedOn").getYear()).as(key).isBetween(2025, 2026);
			text(article, "body");
		}
	}

	@Test
	void everyDemoDepartmentHasAGuideAndACatalogue() {
		Set<String> seen = new HashSet<>();
		for (JsonNode department : list(guides, "departments")) {
			String code = text(department, "department");
			assertThat(DEPARTMENTS).contains(code);
			assertThat(seen.add(code)).as("one guide for %s", code).isTrue();
			List<JsonNode> sections = list(department, "guide");
			assertThat(sections).as("sections of the guide of %s", code).hasSizeGreaterThanOrEqualTo(5);
			sections.forEach(section -> {
				text(section, "heading");
				text(section, "text");
			});
			String all = sections.stream().map(section -> section.get("text").asString()).reduce("", String::concat);
			assertThat(all).as("the guide of %s gives time limits, fees and contacts", code)
				.contains("20个工作日", "7个工作日", "不收取费用", "办公时间", "电话");
			List<String> categories = new ArrayList<>();
			for (JsonNode entry : list(department, "catalogue")) {
				categories.add(text(entry, "category"));
				text(entry, "description");
				if (entry.has("link")) {
					assertThat(entry.get("link").asString()).isIn("POLICIES", "ARTICLES", "SERVICES");
				}
			}
			assertThat(categories).as("categories of %s (条例 Arts. 19-20)", code)
				.doesNotHaveDuplicates()
				.contains("机构职能", "规范性文件", "政策解读", "通知公告", "规划计划", "统计信息", "行政许可和公共服务", "财政预决算", "收费",
						"政府采购", "人事", "突发公共事件");
		}
		assertThat(seen).isEqualTo(DEPARTMENTS);
	}

	@Test
	void knowledgeEntriesAreAnswerableAndOwned() {
		for (JsonNode entry : byKey(list(knowledge, "entries"), "knowledge entry").values()) {
			String key = entry.get("key").asString();
			text(entry, "question");
			assertThat(strings(entry, "variants")).as("variants of %s", key).hasSizeBetween(2, 4).doesNotHaveDuplicates();
			assertThat(text(entry, "answer")).as("answer of %s", key).hasSizeLessThanOrEqualTo(600);
			assertThat(DEPARTMENTS).as(key).contains(text(entry, "department"));
			assertThat(itemCodes).as("items of %s", key).containsAll(strings(entry, "items"));
			text(entry, "owner");
			assertThat(day(entry, "reviewOn").getYear()).as("%s is reviewed in 2027", key).isEqualTo(2027);
			List<JsonNode> sources = list(entry, "sources");
			assertThat(sources).as("sources of %s", key).isNotEmpty();
			sources.forEach(source -> {
				text(source, "title");
				assertThat(linksToAPageThatExists(text(source, "url"))).as("source %s of %s", source, key).isTrue();
			});
		}
	}

}
