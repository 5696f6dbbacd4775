package tongban.hall.tutorials.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.hall.tutorials.Tutorials;
import tongban.shared.DomainException;

/** The public 图解 page of an item: each step's number, title, text and a large picture with its text alternative. */
@Controller
class TutorialPageController {

	private final Tutorials tutorials;
	private final CatalogManagement catalog;

	TutorialPageController(Tutorials tutorials, CatalogManagement catalog) {
		this.tutorials = tutorials;
		this.catalog = catalog;
	}

	@GetMapping("/items/{code}/tutorial")
	String page(@PathVariable String code, Model model) {
		PublishedItem item = catalog.published(code).orElseThrow(() -> DomainException.notFound("item"));
		List<Tutorials.Step> steps = tutorials.steps(code);
		if (steps.isEmpty()) {
			throw DomainException.notFound("tutorial");
		}
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("steps", steps);
		return "hall/tutorials/page";
	}

	@GetMapping("/items/{code}/tutorial/images/{id}")
	ResponseEntity<InputStreamResource> image(@PathVariable String code, @PathVariable UUID id) {
		Tutorials.Picture picture = tutorials.picture(code, id).orElseThrow(() -> DomainException.notFound("image"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(picture.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(new InputStreamResource(picture.content()));
	}
}
