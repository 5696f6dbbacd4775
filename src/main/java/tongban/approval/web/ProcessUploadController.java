package tongban.approval.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.flowable.engine.RepositoryService;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.approval.ProcessStep;
import tongban.catalog.ItemProcesses;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/**
 * An item's own BPMN 2.0 process, uploaded by its department admin: parsed with schema validation (the parser's reason
 * shown when it fails), checked by Flowable's validator and for the steps the workbench works (受理 or 即办, the
 * 等待补正 wait, an end; only known task ids; candidate groups by department), then deployed under the item's key and
 * attached to the item's draft.
 */
@Controller
class ProcessUploadController {

	static final long MAX_BYTES = 512 * 1024;
	static final Set<String> TASKS = Set.copyOf(ProcessStep.KNOWN);

	private final ItemProcesses items;
	private final RepositoryService repository;

	ProcessUploadController(ItemProcesses items, RepositoryService repository) {
		this.items = items;
		this.repository = repository;
	}

	@GetMapping("/console/items/{code}/process")
	String page(@PathVariable String code, @CurrentStaff StaffMember staff, Model model) {
		model.addAttribute("code", code);
		model.addAttribute("editable", items.editable(staff, code));
		return "approval/process-upload";
	}

	@PostMapping("/console/items/{code}/process")
	String upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file, @CurrentStaff StaffMember staff, Model model,
			RedirectAttributes redirect) throws IOException {
		if (!items.editable(staff, code)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "not-a-draft", "no draft to change");
		}
		List<String> problems = new ArrayList<>();
		BpmnModel bpmn = null;
		if (file == null || file.isEmpty()) {
			problems.add("process.error.file");
		}
		else if (file.getSize() > MAX_BYTES) {
			problems.add("process.error.size");
		}
		else {
			try {
				bpmn = new BpmnXMLConverter().convertToBpmnModel(new InputStreamSource(new ByteArrayInputStream(file.getBytes())), true, true);
			}
			catch (RuntimeException e) {
				model.addAttribute("parserReason", reason(e));
				problems.add("process.error.parse");
			}
		}
		if (bpmn != null) {
			problems.addAll(check(bpmn));
			if (problems.isEmpty()) {
				List<ValidationError> errors = new ProcessValidatorFactory().createDefaultProcessValidator().validate(bpmn).stream()
					.filter(e -> !e.isWarning()).toList();
				if (!errors.isEmpty()) {
					model.addAttribute("parserReason", errors.stream().limit(3).map(e -> e.getActivityId() + ": " + e.getDefaultDescription())
						.reduce((a, b) -> a + "; " + b).orElse(""));
					problems.add("process.error.invalid");
				}
			}
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			return page(code, staff, model);
		}
		String key = ItemProcesses.keyFor(code);
		Process process = bpmn.getProcesses().getFirst();
		process.setId(key);
		repository.createDeployment().name(code).addBpmnModel(key + ".bpmn20.xml", bpmn).deploy();
		items.use(staff, code, key);
		redirect.addFlashAttribute("banner", "process.uploaded");
		return "redirect:/console/items/" + code;
	}

	/** The steps the workbench and the case record need. */
	static List<String> check(BpmnModel bpmn) {
		List<String> out = new ArrayList<>();
		List<Process> executable = bpmn.getProcesses().stream().filter(Process::isExecutable).toList();
		if (executable.size() != 1) {
			out.add("process.error.oneProcess");
			return out;
		}
		Process p = executable.getFirst();
		List<UserTask> tasks = p.findFlowElementsOfType(UserTask.class);
		if (tasks.stream().noneMatch(t -> t.getId().equals("accept") || t.getId().equals("handle"))) {
			out.add("process.error.acceptStep");
		}
		if (tasks.stream().anyMatch(t -> t.getId().equals("accept")) && tasks.stream().noneMatch(t -> t.getId().equals("decide"))) {
			out.add("process.error.decideStep");
		}
		if (tasks.stream().anyMatch(t -> !TASKS.contains(t.getId()))) {
			out.add("process.error.unknownTask");
		}
		if (tasks.stream().anyMatch(t -> t.getCandidateGroups().stream().noneMatch(g -> g.contains("${department}") || g.contains("${reviewDepartment}")))) {
			out.add("process.error.groups");
		}
		if (p.findFlowElementsOfType(ReceiveTask.class).stream().noneMatch(r -> r.getId().equals("waitSupplement"))) {
			out.add("process.error.supplementStep");
		}
		if (p.findFlowElementsOfType(EndEvent.class).isEmpty()) {
			out.add("process.error.end");
		}
		return out;
	}

	private static String reason(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		return m.length() > 300 ? m.substring(0, 300) : m;
	}
}
