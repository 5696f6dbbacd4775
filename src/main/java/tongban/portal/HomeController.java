package tongban.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.catalog.CatalogManagement;
import tongban.directory.DirectoryManagement;

@Controller
class HomeController {

	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	HomeController(DirectoryManagement directory, CatalogManagement catalog) {
		this.directory = directory;
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("departments", directory.departments());
		model.addAttribute("themes", catalog.themes());
		model.addAttribute("mostUsed", catalog.mostUsed(8));
		return "portal/home";
	}

	@GetMapping("/departments")
	String departments(Model model) {
		model.addAttribute("departments", directory.departments());
		return "portal/departments";
	}
}
