package tongban.hall.delivery.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.casework.PostalDelivery;
import tongban.catalog.Capabilities;
import tongban.catalog.Capability;
import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.shared.DomainException;

/**
 * The page the 可快递送达 badge of a guide leads to: how mailing the result works for that item (choose 免费邮寄 when
 * applying, the carriers, following the parcel on the case page). Only for items the platform really mails.
 */
@Controller
class DeliveryPageController {

	private final CatalogManagement catalog;
	private final Capabilities capabilities;

	DeliveryPageController(CatalogManagement catalog, Capabilities capabilities) {
		this.catalog = catalog;
		this.capabilities = capabilities;
	}

	@GetMapping("/hall/delivery/items/{code}")
	String item(@PathVariable String code, Model model) {
		PublishedItem item = catalog.published(code)
			.filter(p -> capabilities.offered(p.guide()).contains(Capability.DELIVERY))
			.orElseThrow(() -> DomainException.notFound("item"));
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("carriers", PostalDelivery.CARRIERS.keySet());
		return "hall/delivery/item";
	}
}
