package tongban.insight.indicators;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.CaseFacts;
import tongban.casework.CaseId;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.exchange.ReadCount;
import tongban.exchange.ReadCounts;
import tongban.feedback.RatingFact;
import tongban.feedback.RatingFacts;
import tongban.hotline.TicketFacts;
import tongban.hotline.TicketId;
import tongban.insight.indicators.CountedFacts.Source;

/**
 * Counts one fact again as its owning module now holds it (the listeners' path): reads the fact through the module's
 * API, turns it into counters ({@link FactCells}) and adds the difference ({@link CountedFacts}). Counting a fact twice
 * changes nothing.
 */
@Service
@Transactional
public class IndicatorCounting {

	private final CaseFacts cases;
	private final TicketFacts tickets;
	private final RatingFacts ratings;
	private final ReadCounts reads;
	private final DirectoryManagement directory;
	private final CountedFacts counted;
	private final DueFacts due;
	private final Map<String, String> regions = new ConcurrentHashMap<>();

	IndicatorCounting(CaseFacts cases, TicketFacts tickets, RatingFacts ratings, ReadCounts reads, DirectoryManagement directory,
			CountedFacts counted, DueFacts due) {
		this.cases = cases;
		this.tickets = tickets;
		this.ratings = ratings;
		this.reads = reads;
		this.directory = directory;
		this.counted = counted;
		this.due = due;
	}

	/**
	 * The counting pass (ADR 0057): counts up to {@code limit} of the facts marked due, oldest first, each source's facts
	 * read and written in one go. Returns how many facts it took; rolled back whole when one of them cannot be counted
	 * (then {@link #countOne} counts them one at a time).
	 */
	public int countDue(int limit) {
		Map<Source, List<String>> taken = due.take(limit);
		taken.forEach((source, ids) -> counted.countAll(source, ids, batch -> read(source, batch)));
		return taken.values().stream().mapToInt(List::size).sum();
	}

	/** Counts one fact marked due, taking its mark; false when it was not marked (or another pass holds it). */
	public boolean countOne(Source source, String factId) {
		if (!due.take(source, factId)) {
			return false;
		}
		counted.countAll(source, List.of(factId), batch -> read(source, batch));
		return true;
	}

	/** The facts of one source as figures, by id (a fact that no longer exists is missing: it counts as nothing). */
	private Map<String, Cells> read(Source source, List<String> ids) {
		Map<String, Cells> read = new HashMap<>();
		switch (source) {
			case TICKET -> tickets.of(ids.stream().map(id -> new TicketId(UUID.fromString(id))).toList())
				.forEach(fact -> read.put(fact.ticketId().value().toString(), FactCells.of(fact)));
			case CASE -> ids.forEach(id -> cases.of(CaseId.of(UUID.fromString(id))).ifPresent(fact -> read.put(id, FactCells.of(fact))));
			case RATING -> ids.forEach(id -> ratings.of(UUID.fromString(id)).ifPresent(fact -> read.put(id, cells(fact))));
			case READS -> throw new IllegalArgumentException("reads are recounted per day, not marked due");
		}
		return read;
	}

	public int countCase(CaseId caseId) {
		return counted.count(Source.CASE, caseId.value().toString(), () -> cases.of(caseId).map(FactCells::of).orElseGet(Cells::new));
	}

	public int countTicket(TicketId ticketId) {
		return counted.count(Source.TICKET, ticketId.value().toString(),
				() -> tickets.of(ticketId).map(FactCells::of).orElseGet(Cells::new));
	}

	public int countRating(UUID ratingId) {
		return counted.count(Source.RATING, ratingId.toString(), () -> ratings.of(ratingId).map(this::cells).orElseGet(Cells::new));
	}

	/** Every department's reads of one day, as exchange counts them now. */
	public int countReads(LocalDate day) {
		int[] changed = { 0 };
		reads.forEach(day, day, count -> changed[0] += counted.count(Source.READS, readsId(count), () -> cells(count)));
		return changed[0];
	}

	Cells cells(RatingFact fact) {
		String item = fact.caseId() == null ? "" : cases.itemCode(CaseId.of(fact.caseId())).orElse("");
		return FactCells.of(fact, item);
	}

	Cells cells(ReadCount count) {
		String region = regions.computeIfAbsent(count.departmentCode(),
				code -> directory.departmentByCode(code).map(DepartmentView::regionCode).orElse(""));
		return FactCells.of(count, region == null ? "" : region);
	}

	static String readsId(ReadCount count) {
		return count.day() + "|" + count.departmentCode();
	}
}
