package tongban.insight.supervision.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.IndicatorFilter;
import tongban.insight.InvalidInsightInput;
import tongban.insight.SupervisionOrder;
import tongban.insight.SupervisionOrders;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 督办单 pages: the list (a supervisor's or leader's region, a department admin's department), issuing one by hand, the
 * department's answer and the supervisor's decision. Someone else's order is "not found".
 */
@Controller
class SupervisionOrderController {

	private static final String BASE = "/workbench/supervision-orders";

	private final SupervisionOrders orders;
	private final DirectoryManagement directory;

	SupervisionOrderController(SupervisionOrders orders, DirectoryManagement directory) {
		this.orders = orders;
		this.directory = directory;
	}

	@GetMapping(BASE)
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
			@CurrentStaff(missing = "page") StaffMember me, Model model) {
		SupervisionOrder.Status wantedStatus = parse(SupervisionOrder.Status.class, status);
		SupervisionOrder.Rule wantedRule = parse(SupervisionOrder.Rule.class, rule);
		model.addAttribute("orders", orders.visible(me, wantedStatus, wantedRule));
		model.addAttribute("status", wantedStatus == null ? "" : wantedStatus.name());
		model.addAttribute("rule", wantedRule == null ? "" : wantedRule.name());
		model.addAttribute("statuses", SupervisionOrder.Status.values());
		model.addAttribute("rules", SupervisionOrder.Rule.values());
		model.addAttribute("mayIssue", me.has(Role.SUPERVISOR));
		model.addAttribute("departments", directory.departmentNames());
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		return "insight/supervision/list";
	}

	@GetMapping(BASE + "/new")
	String form(@RequestParam(required = false) String reference, @RequestParam(required = false) String department,
			@CurrentStaff(missing = "page") StaffMember me, Model model) {
		supervisor(me);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("subject", reference == null ? "" : "办件 " + clip(reference) + " 未按期办理，请说明原因并限期整改");
		form.put("departmentCode", department == null ? "" : clip(department));
		form.put("days", "3");
		form.put("reference", reference == null ? "" : clip(reference));
		return showForm(me, form, Map.of(), model);
	}

	private String showForm(StaffMember me, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("departments", departmentsOf(me));
		return "insight/supervision/new";
	}

	@PostMapping(BASE)
	String issue(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String departmentCode,
			@RequestParam(defaultValue = "") String days, @RequestParam(defaultValue = "") String reference,
			@CurrentStaff(missing = "page") StaffMember me, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		supervisor(me);
		Integer workingDays = days.strip().matches("\\d{1,3}") ? Integer.valueOf(days.strip()) : null;
		try {
			SupervisionOrder order = orders.issue(me, new SupervisionOrders.NewOrder(subject, departmentCode, workingDays, reference));
			redirect.addFlashAttribute("banner", "insight.order.done.issued");
			return "redirect:" + BASE + "/" + order.id();
		}
		catch (InvalidInsightInput e) {
			response.setStatus(422);
			Map<String, String> form = new LinkedHashMap<>();
			form.put("subject", subject);
			form.put("departmentCode", departmentCode);
			form.put("days", days);
			form.put("reference", reference);
			return showForm(me, form, e.ordered(), model);
		}
	}

	@GetMapping(BASE + "/{id}")
	String show(@PathVariable UUID id, @CurrentStaff(missing = "page") StaffMember me, Model model) {
		return show(me, orders.find(me, id), Map.of(), "", model);
	}

	private String show(StaffMember me, SupervisionOrder order, Map<String, String> errors, String text, Model model) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		model.addAttribute("o", order);
		model.addAttribute("today", today);
		model.addAttribute("departmentName", directory.departmentNames().getOrDefault(order.departmentCode(), order.departmentCode()));
		model.addAttribute("mayAnswer", order.status() == SupervisionOrder.Status.ISSUED && orders.answers(me, order));
		boolean decides = orders.decides(me, order);
		model.addAttribute("mayDecide", decides && (order.status() == SupervisionOrder.Status.ANSWERED
				|| order.status() == SupervisionOrder.Status.ESCALATED || order.late(today)));
		model.addAttribute("actions", actions(order, today));
		model.addAttribute("errors", errors);
		model.addAttribute("text", text);
		return "insight/supervision/order";
	}

	/** The decisions open to a supervisor on the order as it stands. */
	private static List<String> actions(SupervisionOrder order, LocalDate today) {
		return switch (order.status()) {
			case ANSWERED -> List.of("close", "back", "escalate");
			case ESCALATED -> List.of("close");
			case ISSUED -> order.late(today) ? List.of("escalate") : List.of();
			case CLOSED -> List.of();
		};
	}

	@PostMapping(BASE + "/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer, @CurrentStaff(missing = "page") StaffMember me,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			orders.answer(me, id, answer);
		}
		catch (InvalidInsightInput e) {
			response.setStatus(422);
			return show(me, orders.find(me, id), e.ordered(), answer, model);
		}
		catch (DomainException e) {
			return conflict(me, id, e, "answer", answer, model, response);
		}
		redirect.addFlashAttribute("banner", "insight.order.done.answered");
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String decision,
			@CurrentStaff(missing = "page") StaffMember me, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "close" -> orders.close(me, id, decision);
				case "back" -> orders.sendBack(me, id, decision);
				case "escalate" -> orders.escalate(me, id, decision);
				default -> throw new InvalidInsightInput(Map.of("action", "insight.order.error.action"));
			}
		}
		catch (InvalidInsightInput e) {
			response.setStatus(422);
			return show(me, orders.find(me, id), e.ordered(), decision, model);
		}
		catch (DomainException e) {
			return conflict(me, id, e, "decision", decision, model, response);
		}
		redirect.addFlashAttribute("banner", "insight.order.decided." + action);
		return "redirect:" + BASE + "/" + id;
	}

	private String conflict(StaffMember me, UUID id, DomainException e, String field, String text, Model model, HttpServletResponse response) {
		if (e.kind() != DomainException.Kind.CONFLICT) {
			throw e;
		}
		response.setStatus(409);
		return show(me, orders.find(me, id), Map.of(field, "insight.order.error.moved"), text, model);
	}

	private static void supervisor(StaffMember me) {
		if (!me.has(Role.SUPERVISOR)) {
			throw DomainException.notFound("page");
		}
	}

	/** Departments of the supervisor's region, for the form. */
	private List<DepartmentView> departmentsOf(StaffMember me) {
		String prefix = IndicatorFilter.regionPrefix(orders.regionOf(me));
		return directory.departments().stream().filter(d -> d.regionCode() != null && d.regionCode().startsWith(prefix)).toList();
	}

	private static String clip(String value) {
		String stripped = value.strip();
		return stripped.length() > 40 ? stripped.substring(0, 40) : stripped;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		return value == null ? null : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
	}
}
