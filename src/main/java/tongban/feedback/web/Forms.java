package tongban.feedback.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tongban.feedback.Channel;
import tongban.feedback.RatingInput;
import tongban.feedback.RatingStatistics;

/** What the feedback pages share: the rating form as posted, and the departments' names. */
@Component
class Forms {

	private final RatingStatistics statistics;

	Forms(RatingStatistics statistics) {
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

	Map<String, String> departmentNames() {
		return statistics.departmentNames();
	}
}
