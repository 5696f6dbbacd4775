package tongban.proactive.lifeevents.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.notification.Topic;
import tongban.proactive.lifeevents.LifeRule;
import tongban.proactive.lifeevents.LifeRules;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;
import tongban.shared.DomainException;

/**
 * Life-event rules in the console (platform admins): the list, and one rule's form with its conditions as lines
 * {@code resource | field | OPERATOR | value} and its licence map as lines {@code licence type | item}. A rule naming an
 * unknown register or field, or recommending what is not published, is refused beside the field with a summary.
 */
@Controller
class LifeRuleConsoleController {

	private static final String PAGE = "proactive/lifeevents/console-rule";

	private final LifeRules rules;

	LifeRuleConsoleController(LifeRules rules) {
		this.rules = rules;
	}

	/** The rule as typed. */
	record RuleForm(String code, String name, String topic, String subjectKind, String trigger, String occasionKind, String resource,
			String conditions, String personFields, String windowDays, String targetKind, String targetCode, String licenceItems, String reason,
			boolean enabled, boolean isNew) {

		RuleForm {
			code = text(code);
			name = text(name);
			topic = text(topic);
			subjectKind = text(subjectKind);
			trigger = text(trigger);
			occasionKind = text(occasionKind);
			resource = text(resource);
			conditions = text(conditions);
			personFields = text(personFields);
			windowDays = text(windowDays);
			targetKind = text(targetKind);
			targetCode = text(targetCode);
			licenceItems = text(licenceItems);
			reason = text(reason);
		}

		private static String text(String value) {
			return value == null ? "" : value;
		}

		static RuleForm of(LifeRule rule) {
			return new RuleForm(rule.code(), rule.name(), rule.topic().name(), rule.subjectKind().name(), rule.trigger().name(), rule.occasionKind().name(),
					rule.resource() == null ? "" : rule.resource(),
					rule.conditions().stream().map(c -> c.resource() + " | " + c.field() + " | " + c.operator() + " | " + c.value())
						.collect(Collectors.joining("\n")),
					String.join(",", rule.personFields()), String.valueOf(rule.windowDays()), rule.targetKind().name(), rule.targetCode(),
					rule.licenceItems().entrySet().stream().map(e -> e.getKey() + " | " + e.getValue()).sorted().collect(Collectors.joining("\n")),
					rule.reason(), rule.enabled(), false);
		}

		static RuleForm blank() {
			return new RuleForm("", "", Topic.AGEING.name(), LifeRule.SubjectKind.PERSON.name(), LifeRule.Trigger.NIGHTLY.name(),
					LifeRule.OccasionKind.RECORD.name(), "XH-GA-RK", "XH-GA-RK | birthDate | AGE_AT_LEAST | 60", "", "90", LifeRule.TargetKind.ITEM.name(), "",
					"", "", true, true);
		}

		/** The rule, or the problems of reading the form by field. */
		LifeRule rule(Map<String, String> problems) {
			List<Condition> parsed = new ArrayList<>();
			for (String line : nonBlank(conditions)) {
				String[] parts = line.split("\\|", -1);
				Operator operator = parts.length == 4 ? operator(parts[2].strip()) : null;
				if (operator == null) {
					problems.putIfAbsent("conditions", "条件格式应为“资源 | 字段 | 比较方式 | 值”：" + line);
					continue;
				}
				parsed.add(new Condition(parts[0].strip(), parts[1].strip(), operator, parts[3].strip()));
			}
			Map<String, String> items = new LinkedHashMap<>();
			for (String line : nonBlank(licenceItems)) {
				String[] parts = line.split("\\|", -1);
				if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
					problems.putIfAbsent("licenceItems", "每行应为“证照类型代码 | 事项编码”：" + line);
					continue;
				}
				items.put(parts[0].strip(), parts[1].strip());
			}
			int days = 0;
			try {
				days = Integer.parseInt(windowDays.strip());
			}
			catch (NumberFormatException e) {
				problems.put("windowDays", "天数应为 1 至 3650 的整数");
			}
			List<String> people = Arrays.stream(personFields.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
			return new LifeRule(code.strip(), name.strip(), choice(Topic.class, topic, problems, "topic"),
					choice(LifeRule.SubjectKind.class, subjectKind, problems, "subjectKind"), choice(LifeRule.Trigger.class, trigger, problems, "trigger"),
					choice(LifeRule.OccasionKind.class, occasionKind, problems, "occasionKind"), resource.isBlank() ? null : resource.strip(), parsed,
					people, days, choice(LifeRule.TargetKind.class, targetKind, problems, "targetKind"), targetCode.strip(), items, reason.strip(), 1,
					enabled);
		}

		private static List<String> nonBlank(String text) {
			return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		}

		private static Operator operator(String name) {
			return Arrays.stream(Operator.values()).filter(o -> o.name().equals(name)).findFirst().orElse(null);
		}

		private static <E extends Enum<E>> E choice(Class<E> type, String value, Map<String, String> problems, String field) {
			return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
				problems.put(field, "请选择一项");
				return type.getEnumConstants()[0];
			});
		}
	}

	@GetMapping("/console/life-events")
	String list(Model model) {
		model.addAttribute("rules", rules.all());
		return "proactive/lifeevents/console-rules";
	}

	@GetMapping("/console/life-events/new")
	String create(Model model) {
		return show(RuleForm.blank(), Map.of(), model);
	}

	@GetMapping("/console/life-events/{code}")
	String edit(@PathVariable String code, Model model) {
		return show(RuleForm.of(rules.rule(code).orElseThrow(() -> DomainException.notFound("life-rule"))), Map.of(), model);
	}

	@PostMapping("/console/life-events")
	String save(@ModelAttribute RuleForm form, @CurrentStaff StaffMember staff, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		LifeRule rule = form.rule(problems);
		if (form.isNew() && rules.rule(rule.code()).isPresent()) {
			problems.put("code", "编码已被使用：" + rule.code());
		}
		if (problems.isEmpty()) {
			problems.putAll(rules.save(rule, "staff:" + staff.id()));
		}
		else {
			rules.problems(rule).forEach(problems::putIfAbsent);
		}
		if (!problems.isEmpty()) {
			return show(form, problems, model);
		}
		redirect.addFlashAttribute("banner", "proactive.life.rule.saved");
		return "redirect:/console/life-events/" + rule.code();
	}

	private static String show(RuleForm form, Map<String, String> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("topics", Topic.values());
		model.addAttribute("subjectKinds", LifeRule.SubjectKind.values());
		model.addAttribute("triggers", LifeRule.Trigger.values());
		model.addAttribute("occasionKinds", LifeRule.OccasionKind.values());
		model.addAttribute("targetKinds", LifeRule.TargetKind.values());
		model.addAttribute("operators", Operator.values());
		return PAGE;
	}
}
