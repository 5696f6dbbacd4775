package tongban.openness.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.CatalogManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.ArticleCategory;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PolicyTerms.DocType;
import tongban.openness.domain.PolicyTerms.InterpretationForm;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationContent.Figure;
import tongban.openness.domain.PublicationContent.QuestionAnswer;
import tongban.openness.domain.Validity;
import tongban.shared.DemoData;

/**
 * Demo publications from {@code data/openness/policies.json}, {@code interpretations.json} and {@code articles.json}
 * (format in data/openness/README.md), loaded once through the real workflow: drafted by the department's demo editor,
 * passed by its demo reviewer (both recorded as such), and for policies no longer valid the validity change reviewed
 * too. A 图解's pictures are drawn as simple SVG panels with their captions.
 */
@Component
@Order(90)
class PublicationDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PublicationDemoData.class);
	private static final String NOTE = "演示数据";

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DemoPolicy(String key, String title, String docNumber, List<String> issuers, DocType docType, LocalDate writtenOn,
			LocalDate publishedOn, LocalDate effectiveOn, Validity validity, String replacedBy, LocalDate validityOn, String topic,
			Disclosure disclosure, String disclosureReason, String summary, String body, List<String> items) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DemoFigure(String caption, String alt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DemoQuestion(String q, String a) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DemoInterpretation(String key, String policy, String title, InterpretationForm form, List<String> departments,
			LocalDate publishedOn, String summary, String body, List<DemoFigure> figures, List<DemoQuestion> questions) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DemoArticle(String key, ArticleCategory category, String title, String department, LocalDate publishedOn, String summary,
			String body) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PolicyFile(List<DemoPolicy> policies) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InterpretationFile(List<DemoInterpretation> interpretations) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ArticleFile(List<DemoArticle> articles) {
	}

	private final DemoData demo;
	private final PublicationEditing editing;
	private final PublicationFiles files;
	private final CatalogManagement catalog;
	private final JsonMapper json;

	PublicationDemoData(DemoData demo, PublicationEditing editing, PublicationFiles files, CatalogManagement catalog, JsonMapper json) {
		this.demo = demo;
		this.editing = editing;
		this.files = files;
		this.catalog = catalog;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("openness-publications", this::load);
	}

	void load() {
		Map<String, UUID> policies = new HashMap<>();
		PolicyFile policyFile = read("data/openness/policies.json", PolicyFile.class);
		List<DemoPolicy> all = policyFile == null || policyFile.policies() == null ? List.of() : policyFile.policies();
		for (DemoPolicy p : all) {
			String department = p.issuers().getFirst();
			List<String> items = p.items() == null ? List.of() : p.items().stream().filter(code -> catalog.published(code).isPresent()).toList();
			PublicationContent content = new PublicationContent(p.title(), p.summary(), p.body(), p.publishedOn(), p.docNumber(), p.issuers(),
					p.docType(), p.writtenOn(), p.effectiveOn(), p.topic(), p.disclosure(), p.disclosureReason(), items, List.of(), null, null,
					List.of(), List.of(), null, null, null, null, null);
			policies.put(p.key(), publish("policy:" + p.key(), PublicationKind.POLICY, department, content));
		}
		for (DemoPolicy p : all) {
			if (p.validity() != null && p.validity() != Validity.VALID) {
				UUID id = policies.get(p.key());
				UUID successor = p.replacedBy() == null ? null : policies.get(p.replacedBy());
				LocalDate on = p.validityOn() != null ? p.validityOn()
						: all.stream().filter(s -> s.key().equals(p.replacedBy())).map(DemoPolicy::publishedOn).findFirst().orElse(null);
				String department = p.issuers().getFirst();
				check(editing.proposeValidity(editor(department), id, p.validity(), successor, on, NOTE), p.key());
				editing.approve(reviewer(department), id, NOTE);
			}
		}
		InterpretationFile interpretations = read("data/openness/interpretations.json", InterpretationFile.class);
		for (DemoInterpretation i : interpretations == null || interpretations.interpretations() == null ? List.<DemoInterpretation>of()
				: interpretations.interpretations()) {
			String department = i.departments() == null || i.departments().isEmpty() ? "XH-ZFB" : i.departments().getFirst();
			List<Figure> figures = i.figures() == null ? List.of()
					: i.figures().stream().map(f -> files.drawn(FigurePanels.svg(f.caption()), f.caption(), f.alt())).toList();
			List<QuestionAnswer> questions = i.questions() == null ? List.of()
					: i.questions().stream().map(q -> new QuestionAnswer(q.q(), q.a())).toList();
			PublicationContent content = new PublicationContent(i.title(), i.summary(), i.body(), i.publishedOn(), null, List.of(), null, null,
					null, null, null, null, List.of(), List.of(), policies.get(i.policy()), i.form(), figures, questions, null, null, null, null, null);
			publish("interpretation:" + i.key(), PublicationKind.INTERPRETATION, department, content);
		}
		ArticleFile articles = read("data/openness/articles.json", ArticleFile.class);
		for (DemoArticle a : articles == null || articles.articles() == null ? List.<DemoArticle>of() : articles.articles()) {
			PublicationContent content = new PublicationContent(a.title(), a.summary(), a.body(), a.publishedOn(), null, List.of(), null, null,
					null, null, null, null, List.of(), List.of(), null, null, List.of(), List.of(), a.category(), null, null, null, null);
			publish("article:" + a.key(), PublicationKind.ARTICLE, a.department(), content);
		}
	}

	private UUID publish(String key, PublicationKind kind, String department, PublicationContent content) {
		PublicationEditing.Outcome created = editing.create(editor(department), kind, content, key);
		check(created, key);
		editing.submit(editor(department), created.id());
		editing.approve(reviewer(department), created.id(), NOTE);
		return created.id();
	}

	private static void check(PublicationEditing.Outcome outcome, String key) {
		if (!outcome.ok()) {
			throw new IllegalStateException("demo publication " + key + " refused: " + outcome.problems());
		}
	}

	/** The department's demo editor and reviewer: fixed ids per department, so the author never reviews their own draft. */
	static StaffMember editor(String department) {
		return new StaffMember(UUID.nameUUIDFromBytes(("demo-editor:" + department).getBytes(StandardCharsets.UTF_8)),
				"演示编辑（导入）", department, null, Set.of(Role.INFO_EDITOR));
	}

	static StaffMember reviewer(String department) {
		return new StaffMember(UUID.nameUUIDFromBytes(("demo-reviewer:" + department).getBytes(StandardCharsets.UTF_8)),
				"演示保密审查员", department, null, Set.of(Role.INFO_REVIEWER));
	}

	private <T> T read(String path, Class<T> type) {
		ClassPathResource resource = new ClassPathResource(path);
		if (!resource.exists()) {
			log.info("no {}: no demo publications of it", path);
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
