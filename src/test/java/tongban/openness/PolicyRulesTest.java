package tongban.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.openness.domain.PolicyTerms.Disclosure;
import tongban.openness.domain.PolicyTerms.DocType;
import tongban.openness.domain.PolicyTerms.InterpretationForm;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRow;
import tongban.openness.domain.PublicationRules;
import tongban.openness.domain.PublicationStatus;
import tongban.openness.domain.Validity;
import tongban.shared.FieldProblem;

/** What a policy and an interpretation must hold, and what a validity change needs, refused at the field. */
class PolicyRulesTest {

	private static final UUID POLICY = UUID.randomUUID(), SUCCESSOR = UUID.randomUUID(), WITHDRAWN = UUID.randomUUID();

	private static PublicationRow row(UUID id, PublicationStatus status) {
		return new PublicationRow(id, PublicationKind.POLICY, "XH-SCJG", status, 1, "标题", null, "NORMATIVE", "综合政务", null,
				Disclosure.PROACTIVE, LocalDate.of(2025, 1, 2), null, Validity.VALID, null, null, null, OffsetDateTime.now());
	}

	private static final Map<UUID, PublicationRow> ROWS = Map.of(POLICY, row(POLICY, PublicationStatus.PUBLISHED), SUCCESSOR,
			row(SUCCESSOR, PublicationStatus.PUBLISHED), WITHDRAWN, row(WITHDRAWN, PublicationStatus.WITHDRAWN));

	private static final PublicationRules.Lookups LOOKUPS = new PublicationRules.Lookups() {
		@Override
		public boolean department(String code) {
			return Set.of("XH-SCJG", "XH-ZFB").contains(code);
		}

		@Override
		public boolean item(String code) {
			return code.equals("330106-XK-0001-01");
		}

		@Override
		public Optional<PublicationRow> publication(UUID id) {
			return Optional.ofNullable(ROWS.get(id));
		}
	};

	private static PublicationContent policy(List<String> issuers, LocalDate written, LocalDate published, Disclosure disclosure, String reason,
			List<String> items) {
		return new PublicationContent("关于印发某办法的通知", null, "正文", published, "西市监〔2025〕1号", issuers, DocType.NORMATIVE, written, null,
				"综合政务", disclosure, reason, items, List.of(), null, null, List.of(), List.of(), null, null, null, null, null);
	}

	private static List<String> problems(List<FieldProblem> problems) {
		return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	@Test
	void aCompletePolicyPasses() {
		assertThat(PublicationRules.check(PublicationKind.POLICY, policy(List.of("XH-SCJG", "XH-ZFB"), LocalDate.of(2025, 1, 2),
				LocalDate.of(2025, 1, 8), Disclosure.PROACTIVE, null, List.of("330106-XK-0001-01")), LOOKUPS)).isEmpty();
	}

	@Test
	void eachMissingOrWrongFactIsRefusedAtItsField() {
		assertThat(problems(PublicationRules.check(PublicationKind.POLICY, policy(List.of(), LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 8),
				Disclosure.NOT_DISCLOSED, " ", List.of("330106-XX-9999-99")), LOOKUPS))).containsExactlyInAnyOrder(
				"issuers:openness.pub.error.issuers", "publishedOn:openness.pub.error.published-before-written",
				"disclosureReason:openness.pub.error.required", "items:openness.pub.error.item");
		assertThat(problems(PublicationRules.check(PublicationKind.POLICY, policy(List.of("XH-NONE"), LocalDate.of(2025, 1, 2),
				LocalDate.of(2025, 1, 8), Disclosure.PROACTIVE, null, List.of()), LOOKUPS))).containsExactly("issuers:openness.pub.error.department");
	}

	@Test
	void anInterpretationNeedsAPolicyNotWithdrawnAndItsFormsParts() {
		PublicationContent graphic = new PublicationContent("一图读懂", null, "文字", LocalDate.of(2025, 2, 1), null, List.of(), null, null, null,
				null, null, null, List.of(), List.of(), WITHDRAWN, InterpretationForm.GRAPHIC, List.of(), List.of(), null, null, null, null, null);
		assertThat(problems(PublicationRules.check(PublicationKind.INTERPRETATION, graphic, LOOKUPS)))
			.containsExactlyInAnyOrder("policyId:openness.pub.error.policy", "figure:openness.pub.error.figures");
		PublicationContent qa = new PublicationContent("问答", null, null, LocalDate.of(2025, 2, 1), null, List.of(), null, null, null, null,
				null, null, List.of(), List.of(), POLICY, InterpretationForm.QA, List.of(), List.of(), null, null, null, null, null);
		assertThat(problems(PublicationRules.check(PublicationKind.INTERPRETATION, qa, LOOKUPS)))
			.containsExactly("questions:openness.pub.error.questions");
	}

	@Test
	void amendedNeedsAPublishedSuccessorOtherThanItself() {
		PublicationRow policy = ROWS.get(POLICY);
		assertThat(problems(PublicationRules.checkValidity(policy, Validity.AMENDED, null, LOOKUPS)))
			.containsExactly("replacedBy:openness.pub.error.replaced-by-required");
		assertThat(problems(PublicationRules.checkValidity(policy, Validity.AMENDED, POLICY, LOOKUPS)))
			.containsExactly("replacedBy:openness.pub.error.replaced-by");
		assertThat(problems(PublicationRules.checkValidity(policy, Validity.AMENDED, WITHDRAWN, LOOKUPS)))
			.containsExactly("replacedBy:openness.pub.error.replaced-by");
		assertThat(PublicationRules.checkValidity(policy, Validity.AMENDED, SUCCESSOR, LOOKUPS)).isEmpty();
		assertThat(PublicationRules.checkValidity(policy, Validity.REPEALED, null, LOOKUPS)).isEmpty();
		assertThat(problems(PublicationRules.checkValidity(policy, Validity.VALID, null, LOOKUPS))).containsExactly("validity:openness.pub.error.validity");
	}
}
