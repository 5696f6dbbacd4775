package tongban.privacy.classification;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;

/**
 * 数据分类分级 ({@code /console/data-classification}): department and platform administrators see how every table
 * column of personal data and every exchange resource is graded, whether it is 敏感个人信息, and why it is kept. A
 * resource registered after the file was last changed shows as not yet graded, so the gap is visible, not hidden.
 */
@Controller
class DataClassificationController {

	private final DataClassification classification = DataClassification.load();

	private final ResourceCatalogue catalogue;

	DataClassificationController(ResourceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** One resource of the catalogue with its grade, if the file has one. */
	record GradedResource(Resource resource, DataClassification.ResourceClass grade) {
	}

	@GetMapping("/console/data-classification")
	String page(Model model) {
		List<GradedResource> resources = catalogue.resources()
			.stream()
			.map(resource -> new GradedResource(resource, classification.resource(resource.code()).orElse(null)))
			.toList();
		model.addAttribute("tables", classification.byTable());
		model.addAttribute("exemptions", classification.exemptions());
		model.addAttribute("resources", resources);
		model.addAttribute("sensitiveCount", classification.columns().stream().filter(DataClassification.Column::sensitive).count());
		return "privacy/classification";
	}
}
