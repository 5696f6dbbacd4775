package tongban.casework.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.casework.CaseAnswers;
import tongban.casework.CaseId;
import tongban.casework.CaseRecords;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.RevealPurpose;
import tongban.catalog.ServiceGuide;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.notification.DeliveryViews;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * 办结件与办件查询 on the workbench: an approver or department admin sees the cases the department has finished, newest
 * first, searches the department's cases by number, applicant name or item, and opens one (personal data masked until
 * asked for, which is recorded). Always within the staff member's department and region scope.
 */
@Controller
class CaseRecordsController {

	private final CaseRecords records;
	private final Cases cases;
	private final DirectoryManagement directory;
	private final DeliveryViews deliveries;

	CaseRecordsController(CaseRecords records, Cases cases, DirectoryManagement directory, DeliveryViews deliveries) {
		this.deliveries = deliveries;
		this.records = records;
		this.cases = cases;
		this.directory = directory;
	}

	/** The signed-in approver's or department admin's scope; anyone else finds nothing here. */
	private CaseRecords.Scope scope(StaffMember me) {
		if (!me.hasAny(Role.APPROVER, Role.DEPT_ADMIN)) {
			throw DomainException.notFound("case");
		}
		DepartmentView department = Optional.ofNullable(me.departmentCode()).flatMap(directory::departmentByCode)
			.orElseThrow(() -> DomainException.notFound("case"));
		return new CaseRecords.Scope(me.id(), me.name(), department.code(), me.regionScope() == null ? department.regionCode() : me.regionScope());
	}

	@GetMapping("/workbench/cases")
	String list(@RequestParam(name = "q", required = false) String query, @RequestParam(defaultValue = "0") int page, @CurrentStaff(missing = "case") StaffMember staff,
			Model model) {
		CaseRecords.Scope scope = scope(staff);
		String words = CaseRecords.words(query);
		model.addAttribute("query", words);
		if (words.isEmpty()) {
			model.addAttribute("finished", records.finished(scope, page));
		}
		else {
			model.addAttribute("found", records.search(scope, words));
			model.addAttribute("limit", CaseRecords.SEARCH_LIMIT);
		}
		return "casework/records";
	}

	@GetMapping("/workbench/cases/{id}")
	String open(@PathVariable CaseId id, @CurrentStaff(missing = "case") StaffMember staff, Model model) {
		return show(scope(staff), id, model, false);
	}

	/** The staff member asks to see the applicant's name, ID numbers, phone numbers and addresses in full: recorded first. */
	@PostMapping("/workbench/cases/{id}/reveal")
	String reveal(@PathVariable CaseId id, @RequestParam(name = "purpose", defaultValue = "") String purpose,
			@CurrentStaff(missing = "case") StaffMember staff, Model model) {
		CaseRecords.Scope scope = scope(staff);
		records.open(scope, id).orElseThrow(() -> DomainException.notFound("case"));
		Optional<RevealPurpose> stated = RevealPurpose.parse(purpose);
		if (stated.isEmpty()) {
			model.addAttribute("revealError", "reveal.error.purpose");
			return show(scope, id, model, false);
		}
		cases.recordReveal(id, staff, stated.get());
		return show(scope, id, model, true);
	}

	private String show(CaseRecords.Scope scope, CaseId id, Model model, boolean revealed) {
		CaseView found = records.open(scope, id).orElseThrow(() -> DomainException.notFound("case"));
		ServiceGuide guide = cases.guideOf(found);
		Map<String, String> sources = new HashMap<>();
		cases.provenance(found.id()).forEach((field, provenance) -> sources.put(field, provenance.source()));
		model.addAttribute("c", found);
		model.addAttribute("applicant", revealed ? found.applicantName() : Masking.name(found.applicantName()));
		model.addAttribute("answers", CaseAnswers.rows(guide.applicationForm(), found.values(), sources, !revealed));
		model.addAttribute("revealed", revealed);
		model.addAttribute("revealPurposes", RevealPurpose.values());
		model.addAttribute("deliveries", deliveries.ofCase(found.id().value()));
		return "casework/record";
	}
}
