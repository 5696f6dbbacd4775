package tongban.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the rater gave: level by name, scores by dimension (1–5, as typed), tags by code, a comment. */
public record RatingInput(String level, Map<String, String> scores, List<String> tags, String comment) {

	/** Tags of a bad rating: what went wrong (counted by tag in the statistics). */
	public static final List<String> BAD_TAGS = List.of("OVERDUE", "EXTRA_CONDITIONS", "EXTRA_MATERIALS", "MULTIPLE_VISITS", "ATTITUDE",
			"GUIDE_UNCLEAR", "SYSTEM_HARD");

	/** Tags of a good rating. */
	public static final List<String> GOOD_TAGS = List.of("FAST", "GUIDE_CLEAR", "ONE_VISIT", "COURTEOUS", "EASY_ONLINE");

	public static final int MAX_COMMENT = 500;

	public RatingInput {
		scores = scores == null ? Map.of() : scores;
		tags = tags == null ? List.of() : tags;
	}

	/** The problems of this input on a channel, by field; empty when it may be saved. */
	public Map<String, String> problems(Channel channel) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<Level> parsed = Level.parse(level);
		if (parsed.isEmpty()) {
			problems.put("level", "feedback.error.level");
		}
		for (Map.Entry<String, String> e : scores.entrySet()) {
			if (!channel.dimensions().contains(e.getKey())) {
				problems.put("scores", "feedback.error.dimension");
				continue;
			}
			if (e.getValue() == null || e.getValue().isBlank()) {
				continue;
			}
			Integer v = score(e.getValue());
			if (v == null || v < 1 || v > 5) {
				problems.put("score-" + e.getKey(), "feedback.error.score");
			}
		}
		if (tags.stream().anyMatch(t -> !BAD_TAGS.contains(t) && !GOOD_TAGS.contains(t))) {
			problems.put("tags", "feedback.error.tag");
		}
		if (comment != null && comment.strip().length() > MAX_COMMENT) {
			problems.put("comment", "feedback.error.comment");
		}
		if (parsed.isPresent() && parsed.get().bad() && !problems.containsKey("tags") && tags.stream().noneMatch(BAD_TAGS::contains)
				&& (comment == null || comment.isBlank())) {
			// a bad rating names what went wrong: a tag or a comment, so that the department can verify it
			problems.put("tags", "feedback.error.reason");
		}
		return problems;
	}

	/** The level, once {@link #problems} found none. */
	Level parsedLevel() {
		return Level.parse(level).orElseThrow();
	}

	/** The scores given, as numbers (blank ones left out), once {@link #problems} found none. */
	Map<String, Integer> parsedScores() {
		Map<String, Integer> out = new LinkedHashMap<>();
		scores.forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				out.put(k, Integer.valueOf(v.strip()));
			}
		});
		return out;
	}

	private static Integer score(String s) {
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
