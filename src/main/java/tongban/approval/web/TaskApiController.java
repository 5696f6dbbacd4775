package tongban.approval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import tongban.approval.ApprovalManagement;
import tongban.approval.ApprovalManagement.TaskView;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;

/**
 * Tasks for department systems acting for a staff member (an access token whose {@code sub} is the staff account):
 * the same inbox, visibility and decisions as the workbench.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "审批任务")
class TaskApiController {

	/** For 送达 (or 即办 approval) of a result the applicant chose to receive by post: carrier and tracking number. */
	record Completion(String decision, String opinion, Map<Integer, String> supplements, String carrier, String trackingNumber) {
	}

	private final ApprovalManagement approval;

	TaskApiController(ApprovalManagement approval) {
		this.approval = approval;
	}

	/** The token's holder, who must be an approver. */
	private static StaffMember approver(StaffMember staff) {
		if (!staff.has(Role.APPROVER)) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "an approver's token is needed");
		}
		return staff;
	}

	/** The largest page the inbox API serves. */
	static final int MAX_SIZE = 100;

	@Operation(summary = "Open tasks of my department and mine, least time left first, one page at a time",
			description = "Pages are numbered from 0 (`page`), of `size` tasks (1 to 100, default 100). The answer carries the total in "
					+ "`X-Total-Count` and RFC 8288 `Link` headers (rel first, prev, next, last) to the neighbouring pages; a page past "
					+ "the last is empty. A page or size out of range answers 422 problem+json with code `page-invalid`.",
			security = @SecurityRequirement(name = "bearer"),
			responses = @ApiResponse(responseCode = "200", description = "One page of tasks", headers = {
					@Header(name = "X-Total-Count", description = "Tasks in the inbox over all pages", schema = @Schema(type = "integer")),
					@Header(name = "Link", description = "first, prev, next and last pages (RFC 8288)", schema = @Schema(type = "string")) }))
	@GetMapping
	ResponseEntity<List<TaskView>> inbox(@Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "tasks a page, 1 to 100") @RequestParam(defaultValue = "100") int size, @CurrentStaff StaffMember staff) {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new DomainException(DomainException.Kind.INVALID, "page-invalid", "page from 0, size from 1 to " + MAX_SIZE);
		}
		StaffMember s = approver(staff);
		long total = approval.inboxSize(s, ApprovalManagement.InboxFilter.ALL);
		List<TaskView> tasks = approval.inbox(s, ApprovalManagement.InboxFilter.ALL, page, size);
		long last = Math.max(0, (total - 1) / size);
		List<String> links = new ArrayList<>();
		links.add(link(0, size, "first"));
		if (page > 0) {
			links.add(link(Math.min(page - 1, last), size, "prev"));
		}
		if (page < last) {
			links.add(link(page + 1, size, "next"));
		}
		links.add(link(last, size, "last"));
		return ResponseEntity.ok().header("X-Total-Count", Long.toString(total)).header(HttpHeaders.LINK, String.join(", ", links)).body(tasks);
	}

	/** A link relative to the API's own path (never built from the request's Host header). */
	private static String link(long page, int size, String rel) {
		return "</api/tasks?page=" + page + "&size=" + size + ">; rel=\"" + rel + "\"";
	}

	@Operation(summary = "Complete a task: accept | supplement | refuse | approve | deny, with the opinion and, for supplements, "
			+ "each material's index and reason", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/{taskId}/completion")
	ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Completion body, @CurrentStaff StaffMember staff) {
		if (body == null) {
			throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "a decision is required");
		}
		approval.complete(approver(staff), taskId, ApprovalManagement.Decision.of(body.decision(), body.opinion(),
				body.supplements() == null ? Map.of() : body.supplements(), body.carrier(), body.trackingNumber()));
		return ResponseEntity.noContent().build();
	}
}
