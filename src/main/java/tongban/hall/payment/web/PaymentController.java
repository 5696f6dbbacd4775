package tongban.hall.payment.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.hall.payment.PaymentGateway;
import tongban.hall.payment.PaymentOrder;
import tongban.hall.payment.PaymentOrders;
import tongban.hall.payment.PaymentStatus;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;

/**
 * 我的缴费 at {@code /account/payments}: the person's orders; one order's page where they choose the amount when the item
 * names several, and go to the gateway's cashier. Someone else's order is a 404.
 */
@Controller
class PaymentController {

	private final PaymentOrders orders;
	private final PaymentGateway gateway;

	PaymentController(PaymentOrders orders, PaymentGateway gateway) {
		this.orders = orders;
		this.gateway = gateway;
	}

	@GetMapping("/account/payments")
	String mine(@CurrentActor(missing = "payment order") Actor actor, Model model) {
		model.addAttribute("orders", orders.ofAccount(actor.accountId()));
		return "hall/payment/mine";
	}

	@GetMapping("/account/payments/{notice}")
	String order(@PathVariable String notice, @RequestParam(required = false) String paid,
			@CurrentActor(missing = "payment order") Actor actor, Model model) {
		model.addAttribute("order", own(actor, notice));
		model.addAttribute("justPaid", paid != null);
		return "hall/payment/order";
	}

	/** 选择缴费金额: one of the amounts the item's fee names; none chosen is said beside the choice. */
	@PostMapping("/account/payments/{notice}/amount")
	String choose(@PathVariable String notice, @RequestParam(required = false) String option,
			@CurrentActor(missing = "payment order") Actor actor, Model model) {
		PaymentOrder order = own(actor, notice);
		Integer index = PaymentForms.option(option, order);
		if (index == null) {
			model.addAttribute("order", order);
			model.addAttribute("optionError", true);
			return "hall/payment/order";
		}
		if (order.status() == PaymentStatus.AWAITING_CHOICE) {
			orders.choose(order.id(), index, actor.accountName());
		}
		return "redirect:/account/payments/" + notice;
	}

	/** 去缴费: to the gateway's cashier, while the order is unpaid. */
	@PostMapping("/account/payments/{notice}/pay")
	String pay(@PathVariable String notice, @CurrentActor(missing = "payment order") Actor actor) {
		PaymentOrder order = own(actor, notice);
		if (order.status() != PaymentStatus.UNPAID) {
			return "redirect:/account/payments/" + notice;
		}
		return "redirect:" + gateway.cashier(order);
	}

	private PaymentOrder own(Actor actor, String notice) {
		UUID account = actor.accountId();
		return orders.byNotice(notice).filter(o -> account.equals(o.accountId()))
			.orElseThrow(() -> DomainException.notFound("payment order"));
	}
}
