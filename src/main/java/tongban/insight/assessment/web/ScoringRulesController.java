package tongban.insight.assessment.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.Indicator;
import tongban.insight.assessment.domain.RuleDraft;
import tongban.insight.assessment.domain.ScoringRules;
import tongban.shared.DomainException;

/**
 * 考核评分规则 for platform admins: the rules in force as a form (every indicator with its weight, target and direction,
 * the card deductions) and every earlier version with who saved it and when. Saving makes a new version; weights that
 * do not sum to 100 are refused at the field.
 */
@Controller
class ScoringRulesController {

	private final ScoringRules rules;
	private final AuditTrail audit;

	ScoringRulesController(ScoringRules rules, AuditTrail audit) {
		this.rules = rules;
		this.audit = audit;
	}

	@GetMapping("/console/scoring-rules")
	String form(@CurrentStaff(missing = "page") StaffMember me, Model model) {
		admin(me);
		ScoringRules.RuleSet current = rules.current();
		Map<String, String> weights = new HashMap<>();
		Map<String, String> targets = new HashMap<>();
		Map<String, String> directions = new HashMap<>();
		for (Indicator indicator : Indicator.values()) {
			ScoringRules.Rule rule = current.rule(indicator);
			weights.put(indicator.code(), rule == null ? "0" : Integer.toString(rule.weight()));
			double target = rule == null ? (RuleDraft.percent(indicator) ? 1 : 0) : rule.target();
			targets.put(indicator.code(), plain(RuleDraft.percent(indicator) ? target * 100 : target));
			directions.put(indicator.code(), (rule == null ? indicator.higherIsBetter() : rule.higherIsBetter()) ? "higher" : "lower");
		}
		return show(new RuleDraft(weights, targets, directions, current.yellowDeduction().toPlainString(), current.redDeduction().toPlainString()),
				Map.of(), model);
	}

	private String show(RuleDraft draft, Map<String, String> errors, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("history", rules.history());
		return "insight/assessment/rules";
	}

	@PostMapping("/console/scoring-rules")
	@Transactional
	String save(@RequestParam Map<String, String> params, @CurrentStaff(missing = "page") StaffMember me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		admin(me);
		Map<String, String> weights = new HashMap<>();
		Map<String, String> targets = new HashMap<>();
		Map<String, String> directions = new HashMap<>();
		for (Indicator indicator : Indicator.values()) {
			weights.put(indicator.code(), params.getOrDefault(RuleDraft.field("weight", indicator), ""));
			targets.put(indicator.code(), params.getOrDefault(RuleDraft.field("target", indicator), ""));
			directions.put(indicator.code(), "lower".equals(params.get(RuleDraft.field("direction", indicator))) ? "lower" : "higher");
		}
		RuleDraft draft = new RuleDraft(weights, targets, directions, params.getOrDefault("yellow", ""), params.getOrDefault("red", ""));
		Map<String, String> problems = draft.problems();
		if (!problems.isEmpty()) {
			response.setStatus(422);
			return show(draft, problems, model);
		}
		ScoringRules.RuleSet saved = rules.save(draft.rules(), draft.yellowDeduction(), draft.redDeduction(), me.name());
		audit.record("ASSESSMENT", me.name(), "scoring-rules:" + saved.version(), "保存考核评分规则第 " + saved.version() + " 版");
		redirect.addFlashAttribute("banner", "insight.assess.rules.saved");
		return "redirect:/console/scoring-rules";
	}

	private static void admin(StaffMember me) {
		if (!me.has(Role.PLATFORM_ADMIN)) {
			throw DomainException.notFound("page");
		}
	}

	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
