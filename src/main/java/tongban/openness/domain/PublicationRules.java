package tongban.openness.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PolicyTerms.InterpretationForm;
import tongban.shared.FieldProblem;

/**
 * What a publication's content must hold before it is saved, and what a validity change needs: each refusal names the
 * form field it belongs to and the message key ({@code openness.pub.error.*}) shown beside it.
 */
public final class PublicationRules {

	public static final int TITLE_MAX = 200;
	public static final int BODY_MAX = 100_000;
	public static final int SHORT_MAX = 500;

	/** What the rules look up in the directory, the catalogue and the publications. */
	public interface Lookups {

		boolean department(String code);

		boolean item(String code);

		Optional<PublicationRow> publication(UUID id);
	}

	private PublicationRules() {
	}

	public static List<FieldProblem> check(PublicationKind kind, PublicationContent content, Lookups lookups) {
		List<FieldProblem> out = new ArrayList<>();
		text(out, "title", content.title(), TITLE_MAX, true);
		text(out, "summary", content.summary(), SHORT_MAX, false);
		boolean qa = kind == PublicationKind.INTERPRETATION && content.form() == InterpretationForm.QA;
		text(out, "body", content.body(), BODY_MAX, !qa);
		if (content.publishedOn() == null) {
			out.add(FieldProblem.of("publishedOn", "openness.pub.error.required"));
		}
		switch (kind) {
			case POLICY -> policy(out, content, lookups);
			case INTERPRETATION -> interpretation(out, content, lookups);
			case ARTICLE -> {
				if (content.category() == null) {
					out.add(FieldProblem.of("category", "openness.pub.error.required"));
				}
			}
		}
		return out;
	}

	private static void policy(List<FieldProblem> out, PublicationContent content, Lookups lookups) {
		text(out, "docNumber", content.docNumber(), 60, false);
		if (content.issuers().isEmpty()) {
			out.add(FieldProblem.of("issuers", "openness.pub.error.issuers"));
		}
		content.issuers().stream().filter(code -> !lookups.department(code)).findFirst()
			.ifPresent(code -> out.add(FieldProblem.of("issuers", "openness.pub.error.department", code)));
		if (content.docType() == null) {
			out.add(FieldProblem.of("docType", "openness.pub.error.required"));
		}
		if (content.writtenOn() == null) {
			out.add(FieldProblem.of("writtenOn", "openness.pub.error.required"));
		}
		else if (content.publishedOn() != null && content.publishedOn().isBefore(content.writtenOn())) {
			out.add(FieldProblem.of("publishedOn", "openness.pub.error.published-before-written"));
		}
		text(out, "topic", content.topic(), 40, true);
		if (content.disclosure() == null) {
			out.add(FieldProblem.of("disclosure", "openness.pub.error.required"));
		}
		else if (content.disclosure() != Disclosure.PROACTIVE) {
			text(out, "disclosureReason", content.disclosureReason(), SHORT_MAX, true);
		}
		if (content.items().size() > 50) {
			out.add(FieldProblem.of("items", "openness.pub.error.too-many-items"));
		}
		content.items().stream().filter(code -> !lookups.item(code)).findFirst()
			.ifPresent(code -> out.add(FieldProblem.of("items", "openness.pub.error.item", code)));
	}

	private static void interpretation(List<FieldProblem> out, PublicationContent content, Lookups lookups) {
		if (content.policyId() == null) {
			out.add(FieldProblem.of("policyId", "openness.pub.error.required"));
		}
		else if (lookups.publication(content.policyId()).filter(p -> p.kind() == PublicationKind.POLICY && p.status() != PublicationStatus.WITHDRAWN)
			.isEmpty()) {
			out.add(FieldProblem.of("policyId", "openness.pub.error.policy"));
		}
		if (content.form() == null) {
			out.add(FieldProblem.of("form", "openness.pub.error.required"));
		}
		if (content.form() == InterpretationForm.GRAPHIC && content.figures().isEmpty()) {
			out.add(FieldProblem.of("figure", "openness.pub.error.figures"));
		}
		if (content.figures().stream().anyMatch(f -> f.alt() == null || f.alt().isBlank())) {
			out.add(FieldProblem.of("figure", "openness.pub.error.figure-alt"));
		}
		if (content.form() == InterpretationForm.QA && content.questions().isEmpty()) {
			out.add(FieldProblem.of("questions", "openness.pub.error.questions"));
		}
	}

	/**
	 * A proposed validity change of a published policy: a move {@link Validity#GRAPH} holds, and for 已修订 the
	 * document that replaced it (another policy, not withdrawn).
	 */
	public static List<FieldProblem> checkValidity(PublicationRow policy, Validity to, UUID replacedBy, Lookups lookups) {
		List<FieldProblem> out = new ArrayList<>();
		if (to == null || !Validity.GRAPH.allows(policy.validity(), to)) {
			out.add(FieldProblem.of("validity", "openness.pub.error.validity"));
			return out;
		}
		if (to == Validity.AMENDED) {
			if (replacedBy == null) {
				out.add(FieldProblem.of("replacedBy", "openness.pub.error.replaced-by-required"));
			}
			else if (replacedBy.equals(policy.id()) || lookups.publication(replacedBy)
				.filter(p -> p.kind() == PublicationKind.POLICY && p.status() == PublicationStatus.PUBLISHED)
				.isEmpty()) {
				out.add(FieldProblem.of("replacedBy", "openness.pub.error.replaced-by"));
			}
		}
		return out;
	}

	private static void text(List<FieldProblem> out, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				out.add(FieldProblem.of(field, "openness.pub.error.required"));
			}
		}
		else if (value.length() > max) {
			out.add(FieldProblem.of(field, "openness.pub.error.too-long", max));
		}
	}
}
