package tongban.casework.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseSummary;
import tongban.casework.CaseView;
import tongban.casework.CasePromises;
import tongban.casework.Cases;
import tongban.casework.internal.ApplicationForms;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.Upload;
import tongban.shared.web.Problems;
import tongban.shared.FieldProblem;

/**
 * Applying through the API (mini-programs, apps): the same drafts, validation, submission and ownership as the web
 * pages, for a citizen's access token ({@code sub} = account id). Another party's case is 404; a wrong state 409;
 * invalid values 422 with each problem.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "cases", description = "一网通办：申请人的办件")
class CaseApiController {

	record NewCase(String itemCode) {
	}

	record Created(UUID id) {
	}

	record FormUpdate(Long lockVersion, Map<String, Object> values) {
	}

	record Submission(UUID token) {
	}

	record Submitted(String caseNumber, LocalDate promisedDate) {
	}

	private final Cases cases;
	private final Applying applying;
	private final Problems problems;
	private final MessageSource messages;

	private final CasePromises promises;

	CaseApiController(Cases cases, Applying applying, Problems problems, MessageSource messages, CasePromises promises) {
		this.promises = promises;
		this.cases = cases;
		this.applying = applying;
		this.problems = problems;
		this.messages = messages;
	}

	@Operation(summary = "My cases, newest first", security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	List<CaseSummary> mine(@CurrentActor Actor actor) {
		return cases.mine(actor);
	}

	@Operation(summary = "One of my cases with its form values, materials, history and supplements", security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/{id}")
	CaseView one(@PathVariable CaseId id, @CurrentActor Actor actor) {
		return cases.find(actor, id).orElseThrow(() -> DomainException.notFound("case"));
	}

	@Operation(summary = "Start (or resume) a draft for a published item", security = @SecurityRequirement(name = "bearer"))
	@PostMapping
	ResponseEntity<Created> start(@RequestBody NewCase body, @CurrentActor Actor actor) {
		if (body == null || body.itemCode() == null) {
			throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "itemCode is required");
		}
		CaseId id = applying.startDraft(actor, body.itemCode());
		return ResponseEntity.created(URI.create("/api/cases/" + id)).body(new Created(id.value()));
	}

	@Operation(summary = "Save the draft's form values (kept even when invalid; the problems come back)",
			security = @SecurityRequirement(name = "bearer"))
	@PutMapping("/{id}/form")
	ResponseEntity<?> form(@PathVariable CaseId id, @RequestBody FormUpdate body, @CurrentActor Actor actor,
			HttpServletRequest request, Locale locale) {
		if (body == null || body.lockVersion() == null) {
			throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "lockVersion and values are required");
		}
		List<FieldProblem> found = applying.saveDraft(actor, id, body.lockVersion(), body.values() == null ? Map.of() : body.values(),
				Map.of(), Map.of());
		if (found.stream().anyMatch(p -> p.code().equals("case.error.concurrent"))) {
			throw new DomainException(DomainException.Kind.CONFLICT, "case-concurrent", "saved by someone else");
		}
		return found.isEmpty() ? ResponseEntity.noContent().build() : problem(found, request, locale);
	}

	@Operation(summary = "Upload one material of the draft (PDF, JPG, PNG or OFD, up to 10 MB)", security = @SecurityRequirement(name = "bearer"))
	@PostMapping(value = "/{id}/materials/{index}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> material(@PathVariable CaseId id, @PathVariable int index, @RequestPart("file") MultipartFile file,
			@CurrentActor Actor a, HttpServletRequest request, Locale locale) throws IOException {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		List<FieldProblem> found = applying.saveDraft(a, id, c.lockVersion(), c.values(),
				Map.of(index, new Upload(file.getOriginalFilename(), file.getBytes())), Map.of())
			.stream().filter(p -> p.field().equals("material." + index))
			.toList();
		if (found.stream().anyMatch(p -> p.code().equals(ApplicationForms.STORE_UNAVAILABLE))) {
			// not the client's fault: 503 problem+json, to be sent again later
			throw new FileStore.Unavailable("the file store is down for an API upload", null);
		}
		return found.isEmpty() ? ResponseEntity.noContent().build() : problem(found, request, locale);
	}

	@Operation(summary = "Submit the draft with its token; the same token again returns the same case", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/{id}/submission")
	ResponseEntity<?> submit(@PathVariable CaseId id, @RequestBody Submission body, @CurrentActor Actor a,
			HttpServletRequest request, Locale locale) {
		var s = applying.submitNumbered(a, id, body == null ? null : body.token());
		if (!s.problems().isEmpty()) {
			return problem(s.problems(), request, locale);
		}
		return ResponseEntity.ok(new Submitted(s.caseNumber(), s.promisedDate()));
	}

	/** 告知承诺: {@code use} to promise instead of the replaced materials, ticked ({@code agreed}) and signed ({@code name}). */
	record PromiseChoice(Boolean use, Boolean agreed, String name) {
	}

	@Operation(summary = "Choose to promise (告知承诺) instead of the materials the item's promise replaces, or not; signed with the "
			+ "applicant's name", security = @SecurityRequirement(name = "bearer"))
	@PutMapping("/{id}/promise")
	ResponseEntity<?> promise(@PathVariable CaseId id, @RequestBody PromiseChoice body, @CurrentActor Actor actor, HttpServletRequest request,
			Locale locale) {
		if (body == null || body.use() == null) {
			throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "use is required");
		}
		List<FieldProblem> found = promises.choose(actor, id, body.use(), Boolean.TRUE.equals(body.agreed()), body.name());
		return found.isEmpty() ? ResponseEntity.noContent().build() : problem(found, request, locale);
	}

	@Operation(summary = "Withdraw a case not yet decided", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/{id}/withdrawal")
	ResponseEntity<Void> withdraw(@PathVariable CaseId id, @CurrentActor Actor actor) {
		applying.withdraw(actor, id, null);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<?> problem(List<FieldProblem> found, HttpServletRequest request, Locale locale) {
		var p = problems.of(request, HttpStatus.UNPROCESSABLE_CONTENT, "case-invalid", null);
		p.setProperty("errors", found.stream()
			.map(x -> Map.of("path", x.field(), "code", x.code(), "message", messages.getMessage(x.code(), x.args().toArray(), x.code(), locale)))
			.toList());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
	}
}
