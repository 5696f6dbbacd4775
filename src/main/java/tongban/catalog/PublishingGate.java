package tongban.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The consistency checks a province runs before an item is published (shared/STANDARDS.md, after Zhejiang's rules),
 * plus "promised ≤ statutory". Each failure names the field it belongs to and a message key {@code gate.<rule>}.
 */
public final class PublishingGate {

	public record Violation(String field, String rule) {
	}

	static final List<String> LICENSING_STEPS = List.of("受理", "审核", "审批", "办结", "送达");

	private PublishingGate() {
	}

	public static List<Violation> check(ServiceGuide g) {
		List<Violation> v = new ArrayList<>();
		if (blank(g.name())) {
			v.add(new Violation("name", "name-required"));
		}
		if (g.onlineDepth() < 1 || g.onlineDepth() > 4) {
			v.add(new Violation("onlineDepth", "depth-range"));
		}
		if (g.onlineDepth() == 4 && g.requiredVisits() > 0) {
			v.add(new Violation("requiredVisits", "full-online-no-visits"));
		}
		if (g.requiredVisits() > 0 && blank(g.visitReason())) {
			v.add(new Violation("visitReason", "visit-reason-required"));
		}
		if (g.requiredVisits() == 0 && !g.handlingForms().contains(ServiceGuide.HandlingForm.ONLINE)
				&& !g.handlingForms().contains(ServiceGuide.HandlingForm.POST)) {
			v.add(new Violation("handlingForms", "no-visit-needs-post"));
		}
		for (int i = 0; i < g.fees().size(); i++) {
			ServiceGuide.Fee fee = g.fees().get(i);
			if (blank(fee.standard()) || blank(fee.basis())) {
				v.add(new Violation("fees[" + i + "]", "fee-basis-and-standard"));
			}
		}
		if (g.resultName() != null && g.resultName().strip().endsWith("证")
				&& g.resultType() != ServiceGuide.ResultType.CERTIFICATE) {
			v.add(new Violation("resultType", "certificate-result-type"));
		}
		if (g.type() == ServiceGuide.ItemType.XK) {
			if (!g.steps().containsAll(LICENSING_STEPS)) {
				v.add(new Violation("steps", "licensing-steps"));
			}
			if (g.faq().isEmpty()) {
				v.add(new Violation("faq", "licensing-faq"));
			}
		}
		if (!blank(g.consultPhone()) && g.consultPhone().strip().equals(blank(g.complaintPhone()) ? null : g.complaintPhone().strip())) {
			v.add(new Violation("complaintPhone", "phones-differ"));
		}
		if (g.promisedLimit() > g.statutoryLimit()) {
			v.add(new Violation("promisedLimit", "promised-within-statutory"));
		}
		if (g.promisedLimit() < 0 || g.statutoryLimit() < 0) {
			v.add(new Violation("statutoryLimit", "limits-not-negative"));
		}
		if (!ServiceGuide.knownProcess(g.process())) {
			v.add(new Violation("process", "process-known"));
		}
		else if (g.process().equals(ServiceGuide.IMMEDIATE) != g.immediate()) {
			v.add(new Violation("process", "process-immediate"));
		}
		else if (g.process().equals(ServiceGuide.PARALLEL) && g.reviewDepartments().size() < 2) {
			v.add(new Violation("reviewDepartments", "parallel-two-departments"));
		}
		if (!g.form().problems().isEmpty()) {
			v.add(new Violation("form", "form-definition"));
		}
		return v;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
