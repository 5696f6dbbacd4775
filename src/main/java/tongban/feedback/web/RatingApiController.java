package tongban.feedback.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.feedback.CaseRatings;
import tongban.feedback.InvalidFeedback;
import tongban.feedback.RatingInput;
import tongban.feedback.RatingStatistics;
import tongban.feedback.VisitRatings;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.web.Problems;

/**
 * 好差评 through the API: the public statistics; a citizen's rating of their own concluded case (access token); a visit's
 * rating by its QR token (no account). Bad input is 422 problem+json with each field's problem; a second rating or a case
 * not concluded 409; another party's case or an unknown token 404.
 */
@RestController
@Tag(name = "ratings", description = "好差评")
class RatingApiController {

	/** A rating as sent: level VERY_SATISFIED … VERY_DISSATISFIED, scores 1–5 by dimension, tag codes, a comment. */
	record NewRating(String level, Map<String, Object> scores, List<String> tags, String comment) {

		RatingInput input() {
			Map<String, String> s = new LinkedHashMap<>();
			if (scores != null) {
				scores.forEach((k, v) -> s.put(k, v == null ? null : v.toString()));
			}
			return new RatingInput(level, s, tags, comment);
		}
	}

	record Rated(UUID id, String level, int round) {
	}

	private final CaseRatings caseRatings;
	private final VisitRatings visitRatings;
	private final RatingStatistics statistics;
	private final Problems problems;
	private final MessageSource messages;

	RatingApiController(CaseRatings caseRatings, VisitRatings visitRatings, RatingStatistics statistics, Problems problems,
			MessageSource messages) {
		this.caseRatings = caseRatings;
		this.visitRatings = visitRatings;
		this.statistics = statistics;
		this.problems = problems;
		this.messages = messages;
	}

	@Operation(summary = "Rating statistics of a month (default: this one) by region and department, with the twelve months up to it")
	@GetMapping("/api/ratings/stats")
	RatingStatistics.Stats stats(@RequestParam(required = false) String region, @RequestParam(required = false) String department,
			@RequestParam(required = false) String month) {
		return statistics.stats(region, department, month);
	}

	@Operation(summary = "Rate my concluded case (once; once more after a rectified bad rating)", security = @SecurityRequirement(name = "bearer"))
	@PostMapping("/api/cases/{id}/rating")
	ResponseEntity<Rated> rateCase(@PathVariable UUID id, @RequestBody(required = false) NewRating body, @CurrentActor Actor actor) {
		var r = caseRatings.rateCase(actor, id, (body == null ? new NewRating(null, null, null, null) : body).input());
		return ResponseEntity.created(URI.create("/api/cases/" + id + "/rating")).body(new Rated(r.id(), r.level().name(), r.round()));
	}

	@Operation(summary = "Rate a counter visit by the token of its QR code (no account; once)")
	@PostMapping("/api/visits/{token}/rating")
	ResponseEntity<Rated> rateVisit(@PathVariable String token, @RequestBody(required = false) NewRating body) {
		var r = visitRatings.rateVisit(token, (body == null ? new NewRating(null, null, null, null) : body).input());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Rated(r.id(), r.level().name(), r.round()));
	}

	@ExceptionHandler(InvalidFeedback.class)
	ResponseEntity<ProblemDetail> invalid(InvalidFeedback e, HttpServletRequest request, Locale locale) {
		ProblemDetail p = problems.of(request, HttpStatus.UNPROCESSABLE_CONTENT, e.code(), null);
		p.setProperty("errors", e.problems().entrySet().stream()
			.map(x -> Map.of("field", x.getKey(), "code", x.getValue(), "message", messages.getMessage(x.getValue(), null, x.getValue(), locale)))
			.toList());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
		HttpStatus status = switch (e.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.of(request, status, e.code(), null, e.args()));
	}
}
