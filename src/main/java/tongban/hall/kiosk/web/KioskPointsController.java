package tongban.hall.kiosk.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.hall.kiosk.KioskItems;
import tongban.shared.DomainException;

/** The public page a guide's 可自助办理 badge leads to: where a kiosk can file the item, with address and hours. */
@Controller
class KioskPointsController {

	private final CatalogManagement catalog;
	private final KioskItems items;

	KioskPointsController(CatalogManagement catalog, KioskItems items) {
		this.catalog = catalog;
		this.items = items;
	}

	@GetMapping("/hall/kiosks")
	String points(@RequestParam(required = false) String item, Model model) {
		PublishedItem published = catalog.published(item).orElseThrow(() -> DomainException.notFound("item"));
		model.addAttribute("item", published.guide());
		model.addAttribute("doable", KioskItems.selfService(published.guide()));
		model.addAttribute("points", KioskItems.selfService(published.guide()) ? items.pointsFor(published.code()) : List.of());
		return "hall/kiosk/points";
	}
}
