package tongban.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tongban.directory.DirectoryManagement;

@Controller
class HomeController {

	private final DirectoryManagement directory;

	HomeController(DirectoryManagement directory) {
		this.directory = directory;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("departments", directory.departments());
		return "portal/home";
	}

	@GetMapping("/departments")
	String departments(Model model) {
		model.addAttribute("departments", directory.departments());
		return "portal/departments";
	}
}
