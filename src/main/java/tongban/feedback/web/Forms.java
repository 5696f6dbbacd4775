package tongban.feedback.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import tongban.feedback.FeedbackManagement;
import tongban.feedback.FeedbackManagement.Channel;
import tongban.feedback.FeedbackManagement.RatingInput;
import tongban.identity.StaffMember;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;

/** What the feedback pages share: the rating form as posted, and the signed-in staff member. */
@Component
class Forms {

	private final IdentityManagement identity;
	private final tongban.feedback.RatingStatistics statistics;

	Forms(IdentityManagement identity, tongban.feedback.RatingStatistics statistics) {
		this.identity = identity;
		this.statistics = statistics;
	}

	/** The rating form as posted: level, score-&lt;dimension&gt; radios, tags checkboxes, comment; kept to show it again. */
	record RatingForm(String level, Map<String, String> scores, List<String> tags, String comment) {

		static RatingForm empty() {
			return new RatingForm(null, Map.of(), List.of(), "");
		}

		static RatingForm of(Channel channel, Map<String, String> params, List<String> tags) {
			Map<String, String> scores = new LinkedHashMap<>();
			for (String d : channel.dimensions()) {
				String v = params.get("score-" + d);
				if (v != null && !v.isBlank()) {
					scores.put(d, v);
				}
			}
			return new RatingForm(params.get("level"), scores, tags == null ? List.of() : tags, params.getOrDefault("comment", ""));
		}

		RatingInput input() {
			return new RatingInput(level, scores, tags, comment);
		}

		/** Whether anything beyond the level was given: the optional details are then shown open. */
		public boolean detailed() {
			return !scores.isEmpty() || !tags.isEmpty() || comment != null && !comment.isBlank();
		}

		/** Whether this score of this dimension was chosen (for the radios). */
		public boolean scored(String dimension, int value) {
			return Integer.toString(value).equals(scores.get(dimension));
		}
	}

	FeedbackManagement.Staff staff(Authentication auth) {
		StaffMember a = identity.staffMember(UUID.fromString(auth.getName()))
			.orElseThrow(() -> DomainException.notFound("account"));
		return new FeedbackManagement.Staff(a.id(), a.name(), a.departmentCode(), a.regionScope(), a.roles());
	}

	Map<String, String> departmentNames() {
		return statistics.departmentNames();
	}
}
