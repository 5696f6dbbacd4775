package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import tongban.catalog.PublishingGate.Violation;
import tongban.catalog.ServiceGuide.Faq;
import tongban.catalog.ServiceGuide.Fee;
import tongban.catalog.ServiceGuide.HandlingForm;
import tongban.catalog.ServiceGuide.ItemType;
import tongban.catalog.ServiceGuide.ResultType;

/** One test per publishing rule: a guide that passes, changed in one respect, fails with exactly that rule. */
public class PublishingGateTest {

	static ServiceGuide valid() {
		return new ServiceGuide("330106-XK-0001-01", "base", "食品经营许可", "食品经营许可（新办）", "食品经营许可（新办）",
				List.of("办食品经营许可证"), List.of("餐饮"), ItemType.XK, "XH-SCJG", List.of(ServiceGuide.ServedParty.CITIZEN, ServiceGuide.ServedParty.LEGAL_PERSON),
				List.of("准营准办"), "COUNTY", "《中华人民共和国食品安全法》第三十五条", "条件", List.of("受理", "审核", "审批", "办结", "送达"),
				"", 20, 5, "WORKING_DAY", false, List.of(HandlingForm.ONLINE, HandlingForm.WINDOW), 0, null, 4, true, true,
				true, false, false, "全市通办", "地址", "工作日", "0571-88888888", "12345", ResultType.CERTIFICATE,
				"食品经营许可证", List.of(), List.of(new Faq("问", "答")), List.of(), null, null, null);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A copy of the valid guide with some fields replaced: name, value, name, value … */
	public static ServiceGuide with(Object... changes) {
		ObjectNode node = JSON.valueToTree(valid());
		for (int i = 0; i < changes.length; i += 2) {
			node.set((String) changes[i], JSON.valueToTree(changes[i + 1]));
		}
		return JSON.treeToValue(node, ServiceGuide.class);
	}

	private static List<Violation> violations(ServiceGuide g) {
		return PublishingGate.check(g);
	}

	@Test
	void aCompleteGuidePasses() {
		assertThat(violations(valid())).isEmpty();
	}

	@Test
	void theProcessTemplateFitsTheItem() {
		assertThat(violations(with("process", "case-unknown"))).containsExactly(new Violation("process", "process-known"));
		assertThat(violations(with("process", "case-immediate"))).as("a 承诺件 on the 即办件 template")
			.containsExactly(new Violation("process", "process-immediate"));
		assertThat(violations(with("process", "case-parallel", "reviewDepartments", List.of("XH-SCJG"))))
			.containsExactly(new Violation("reviewDepartments", "parallel-two-departments"));
		assertThat(violations(with("process", "case-parallel", "reviewDepartments", List.of("XH-SCJG", "XH-WJ")))).isEmpty();
	}

	@Test
	void fullyOnlineMeansNoVisits() {
		assertThat(violations(with("requiredVisits", 1, "visitReason", "核验原件"))).containsExactly(new Violation("requiredVisits", "full-online-no-visits"));
	}

	@Test
	void visitsNeedAReason() {
		assertThat(violations(with("onlineDepth", 3, "requiredVisits", 1, "visitReason", " "))).containsExactly(new Violation("visitReason", "visit-reason-required"));
	}

	@Test
	void noVisitAndNotOnlineNeedsPost() {
		assertThat(violations(with("onlineDepth", 2, "handlingForms", List.of(HandlingForm.WINDOW))))
			.containsExactly(new Violation("handlingForms", "no-visit-needs-post"));
		assertThat(violations(with("onlineDepth", 2, "handlingForms", List.of(HandlingForm.WINDOW, HandlingForm.POST)))).isEmpty();
	}

	@Test
	void feesNeedBasisAndStandard() {
		assertThat(violations(with("fees", List.of(new Fee("工本费", "20元/本", "")))))
			.containsExactly(new Violation("fees[0]", "fee-basis-and-standard"));
	}

	@Test
	void aResultEndingIn证IsACertificate() {
		assertThat(violations(with("resultType", ResultType.DOCUMENT)))
			.containsExactly(new Violation("resultType", "certificate-result-type"));
	}

	@Test
	void licensingNeedsItsFiveStepsAndAnFaq() {
		assertThat(violations(with("steps", List.of("受理", "审批", "办结"))))
			.containsExactly(new Violation("steps", "licensing-steps"));
		assertThat(violations(with("faq", List.of()))).containsExactly(new Violation("faq", "licensing-faq"));
		assertThat(violations(with("type", ItemType.GG, "faq", List.of(), "steps", List.of("受理")))).isEmpty();
	}

	@Test
	void consultationAndComplaintPhonesDiffer() {
		assertThat(violations(with("consultPhone", "12345"))).containsExactly(new Violation("complaintPhone", "phones-differ"));
	}

	@Test
	void promisedLimitWithinStatutory() {
		assertThat(violations(with("promisedLimit", 25))).containsExactly(new Violation("promisedLimit", "promised-within-statutory"));
	}

	@org.junit.jupiter.api.Test
	void materialLinksSurviveTheConsoleFormAndOnlyLinksAreAccepted() {
		ServiceGuide g = with("materials", List.of(new ServiceGuide.Material("申请书", "PAPER", "REQUIRED", 1, "A4", "APPLICANT", "", null,
				"原件", "《条例》第八条", "/items/x/form", "https://example.gov.cn/sample.pdf")));
		var form = tongban.catalog.internal.ItemForms.form(g, 0);
		var errors = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
		ServiceGuide back = tongban.catalog.internal.ItemForms.guide(form, g.department(), errors).orElseThrow();
		org.assertj.core.api.Assertions.assertThat(back.materials()).isEqualTo(g.materials());

		var bad = tongban.catalog.internal.ItemForms.form(with("materials", List.of(new ServiceGuide.Material("申请书", "PAPER",
				"REQUIRED", 1, "", "APPLICANT", "", null, "原件", "", "javascript:alert(1)", null))), 0);
		var badErrors = new org.springframework.validation.BeanPropertyBindingResult(bad, "form");
		org.assertj.core.api.Assertions.assertThat(tongban.catalog.internal.ItemForms.guide(bad, g.department(), badErrors)).isEmpty();
		org.assertj.core.api.Assertions.assertThat(badErrors.getFieldError("materials").getCode()).isEqualTo("item.error.materials.link");
	}

	/** Editing an item in the console and saving it unchanged loses nothing, for every demo guide. */
	@org.junit.jupiter.api.Test
	void everyDemoGuideSurvivesARoundTripThroughTheConsoleForm() throws Exception {
		var items = JSON.readTree(getClass().getResourceAsStream("/data/catalog/demo-items.json")).get("items");
		org.assertj.core.api.Assertions.assertThat(items.size()).isGreaterThanOrEqualTo(60);
		for (var node : items) {
			ServiceGuide g = JSON.treeToValue(node, ServiceGuide.class);
			var form = tongban.catalog.internal.ItemForms.form(g, 0);
			var errors = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
			var back = tongban.catalog.internal.ItemForms.guide(form, g.department(), errors);
			org.assertj.core.api.Assertions.assertThat(errors.getAllErrors()).as(g.code()).isEmpty();
			org.assertj.core.api.Assertions.assertThat(back.orElseThrow()).as(g.code()).isEqualTo(g);
		}
	}
}
