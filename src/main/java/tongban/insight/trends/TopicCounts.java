package tongban.insight.trends;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tongban.catalog.SearchLanguage;
import tongban.hotline.TicketDigests.TicketDigest;
import tongban.shared.Clocks;

/**
 * Counts of topics (categories and terms) per township in the 7-day window ending on a day and in the
 * {@value SurgeTest#BASELINE_WINDOWS} windows before it, with the tickets of the current window. A term is a word of
 * two or more characters as smartcn segments the description (the same segmentation as search), counted once per
 * ticket, less a few words every complaint uses.
 */
final class TopicCounts {

	/** Words in most tickets whatever their matter. */
	static final Set<String> COMMON = Set.of("请问", "我们", "你们", "他们", "这个", "那个", "没有", "已经", "一直", "问题", "反映", "希望", "相关",
			"部门", "处理", "情况", "现在", "什么", "怎么", "如何", "可以", "能否", "是否", "时候", "每天", "还是", "因为", "所以", "市民", "投诉");

	enum Kind { CATEGORY, TERM }

	record Topic(Kind kind, String topic, String township) {
	}

	/** The counts of one topic: [0] the current window, [1..8] the windows before it (1 the nearest). */
	static final class Tally {
		final int[] windows = new int[SurgeTest.BASELINE_WINDOWS + 1];
		final List<TicketDigest> current = new ArrayList<>();

		int[] baseline() {
			int[] baseline = new int[SurgeTest.BASELINE_WINDOWS];
			System.arraycopy(windows, 1, baseline, 0, baseline.length);
			return baseline;
		}
	}

	private final LocalDate windowEnd;
	private final Map<Topic, Tally> tallies = new HashMap<>();

	TopicCounts(LocalDate windowEnd) {
		this.windowEnd = windowEnd;
	}

	/** The first day of the current window. */
	LocalDate windowStart() {
		return windowEnd.minusDays(SurgeTest.WINDOW_DAYS - 1);
	}

	/** The first day of the oldest baseline window: where the tickets to count start. */
	LocalDate firstDay() {
		return windowEnd.minusDays((long) SurgeTest.WINDOW_DAYS * (SurgeTest.BASELINE_WINDOWS + 1) - 1);
	}

	/** The township a region code belongs to (its first 9 digits; a district-level code stands for itself). */
	static String township(String regionCode) {
		return regionCode != null && regionCode.length() > 9 ? regionCode.substring(0, 9) : regionCode;
	}

	/** The distinct terms of a text. */
	static Set<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		for (String word : SearchLanguage.words(SearchLanguage.clean(text, 2000))) {
			if (word.length() >= 2 && word.length() <= 12 && word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
					&& !COMMON.contains(word)) {
				terms.add(word);
			}
		}
		return terms;
	}

	void add(TicketDigest ticket) {
		LocalDate day = ticket.createdAt().atZoneSameInstant(Clocks.ZONE).toLocalDate();
		long back = ChronoUnit.DAYS.between(day, windowEnd);
		if (back < 0) {
			return;
		}
		int window = (int) (back / SurgeTest.WINDOW_DAYS);
		if (window > SurgeTest.BASELINE_WINDOWS) {
			return;
		}
		String township = township(ticket.regionCode());
		count(new Topic(Kind.CATEGORY, ticket.categoryCode(), township), window, ticket);
		for (String term : terms(ticket.text())) {
			count(new Topic(Kind.TERM, term, township), window, ticket);
		}
	}

	private void count(Topic topic, int window, TicketDigest ticket) {
		Tally tally = tallies.computeIfAbsent(topic, t -> new Tally());
		tally.windows[window]++;
		if (window == 0) {
			tally.current.add(ticket);
		}
	}

	Map<Topic, Tally> tallies() {
		return tallies;
	}
}
