package tongban.hall.payment.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.hall.payment.PaymentOrder;
import tongban.hall.payment.PaymentOrders;
import tongban.hall.payment.PaymentStatus;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/**
 * 缴费管理 at {@code /workbench/hall/payments}: the orders of the staff member's department's cases, and the clerk's
 * choice of amount where the item names several (audited). Another department's order is a 404.
 */
@Controller
class PaymentWorkbenchController {

	private final PaymentOrders orders;

	PaymentWorkbenchController(PaymentOrders orders) {
		this.orders = orders;
	}

	@GetMapping("/workbench/hall/payments")
	String list(@CurrentStaff(missing = "payment order") StaffMember staff, Model model) {
		model.addAttribute("orders", orders.ofDepartment(staff.departmentCode()));
		return "hall/payment/workbench";
	}

	@PostMapping("/workbench/hall/payments/{notice}/amount")
	String choose(@PathVariable String notice, @RequestParam(required = false) String option,
			@CurrentStaff(missing = "payment order") StaffMember staff, Model model, RedirectAttributes redirect) {
		PaymentOrder order = orders.byNotice(notice).filter(o -> o.departmentCode().equals(staff.departmentCode()))
			.orElseThrow(() -> DomainException.notFound("payment order"));
		Integer index = PaymentForms.option(option, order);
		if (index == null) {
			model.addAttribute("orders", orders.ofDepartment(staff.departmentCode()));
			model.addAttribute("optionError", notice);
			return "hall/payment/workbench";
		}
		if (order.status() == PaymentStatus.AWAITING_CHOICE) {
			orders.choose(order.id(), index, staff.name());
			redirect.addFlashAttribute("banner", "hall.payment.chosen");
		}
		return "redirect:/workbench/hall/payments";
	}
}
