package tongban.hall.payment.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.hall.payment.FeeRules;
import tongban.hall.payment.PaymentOrders;
import tongban.shared.DomainException;

/**
 * 网上缴费说明 of one item, public at {@code /hall/payments/items/{code}}: the page the guide's 可网上缴费 badge leads to,
 * with the item's fees, the amounts the platform charges and how paying works. An item that charges nothing readable
 * has no such page (404).
 */
@Controller
class ItemPaymentController {

	private final CatalogManagement catalog;

	ItemPaymentController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/hall/payments/items/{code}")
	String item(@PathVariable String code, Model model) {
		ServiceGuide guide = catalog.published(code).map(p -> p.guide()).filter(FeeRules::readable)
			.orElseThrow(() -> DomainException.notFound("item"));
		model.addAttribute("g", guide);
		model.addAttribute("fees", guide.fees().stream().map(f -> new FeeLine(f, FeeRules.options(f))).toList());
		model.addAttribute("online", PaymentOrders.chargedOnline(guide));
		return "hall/payment/item";
	}

	/** One fee line of the guide with the amounts read from it. */
	record FeeLine(ServiceGuide.Fee fee, List<FeeRules.Option> options) {
	}
}
