package tongban.insight.history;

/**
 * The deterministic generator of a year of history (docs/decisions/0028): the same input and seed give the same cases,
 * tickets, ratings and reads, dated in the 365 days before {@link HistoryInput#today()} by the owning modules' rules.
 */
public final class HistoryGenerator {

	private HistoryGenerator() {
	}

	public static GeneratedHistory generate(HistoryInput input, HistoryRules rules) {
		var cases = new CaseGenerator(input, rules).generate();
		var tickets = new TicketGenerator(input, rules).generate();
		var ratings = new RatingGenerator(input, rules).generate(cases);
		var reads = new ReadGenerator(input, rules).generate(cases);
		return new GeneratedHistory(cases, tickets, ratings, reads);
	}
}
