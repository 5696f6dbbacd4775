package tongban.approval.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tongban.approval.ApprovalManagement;
import tongban.approval.ApprovalManagement.Staff;
import tongban.approval.ApprovalManagement.TaskView;
import tongban.directory.DirectoryManagement;
import tongban.identity.IdentityManagement;
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
	private final IdentityManagement identity;
	private final DirectoryManagement directory;

	TaskApiController(ApprovalManagement approval, IdentityManagement identity, DirectoryManagement directory) {
		this.approval = approval;
		this.identity = identity;
		this.directory = directory;
	}

	private Staff staff(Jwt jwt) {
		UUID id;
		try {
			id = UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException e) {
			id = null;
		}
		return (id == null ? java.util.Optional.<Staff>empty() : TaskController.staffOf(identity, directory, id)).filter(Staff::approver)
			.orElseThrow(() -> new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "an approver's token is needed"));
	}

	@Operation(summary = "Open tasks of my department and mine, least time left first", security = @SecurityRequirement(name = "bearer"))
	@GetMapping
	List<TaskView> inbox(@AuthenticationPrincipal Jwt jwt) {
		return approval.inbox(staff(jwt));
	}

	@Operation(summary = "Complete a task: accept | supplement | refuse | approve | deny, with the opinion and, for supplements, "
			+ "each material's index and reason", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/{taskId}/completion")
	ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Completion body, @AuthenticationPrincipal Jwt jwt) {
		if (body == null) {
			throw new DomainException(DomainException.Kind.INVALID, "invalid-request", "a decision is required");
		}
		approval.complete(staff(jwt), taskId, new ApprovalManagement.Decision(body.decision(), body.opinion(),
				body.supplements() == null ? Map.of() : body.supplements(), body.carrier(), body.trackingNumber()));
		return ResponseEntity.noContent().build();
	}
}
