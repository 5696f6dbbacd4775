package tongban.insight.indicators;

import java.time.Instant;
import java.time.LocalDate;

import tongban.casework.CaseFact;
import tongban.exchange.ReadCount;
import tongban.feedback.RatingFact;
import tongban.hotline.Satisfaction;
import tongban.hotline.TicketFact;
import tongban.insight.Measure;
import tongban.shared.Clocks;

/**
 * The counters each kind of fact adds to (docs/insight.md, "Keeping the indicators"): the one place where a case, a
 * ticket, a rating or a day's reads become measures, used alike by the listeners and by the backfill, so that both give
 * the same figures.
 */
final class FactCells {

	private FactCells() {
	}

	/**
	 * A case: on its submission day it is submitted (online or not), with the fields it took from shared data and the
	 * licences it used; on its conclusion day it is concluded, fully online (filed online and no counter visit measured),
	 * immediate (concluded the day it came), on time or overdue against its due date, with the item's promised and
	 * statutory limits, the visits measured and declared, and a 一次性告知 violation if it had more than one 补正 round.
	 */
	static Cells of(CaseFact fact) {
		Cells cells = new Cells();
		LocalDate submitted = day(fact.submittedAt());
		String department = fact.departmentCode();
		String region = fact.regionCode();
		String item = fact.itemCode();
		cells.add(submitted, department, region, item, Measure.CASES_SUBMITTED, 1);
		cells.add(submitted, department, region, item, Measure.CASES_ONLINE, fact.online() ? 1 : 0);
		cells.add(submitted, department, region, item, Measure.FIELDS_PREFILLED, fact.fieldsPrefilled());
		cells.add(submitted, department, region, item, Measure.LICENCES_USED, fact.licencesUsed());
		if (fact.concluded()) {
			LocalDate concluded = day(fact.concludedAt());
			boolean onTime = fact.dueDate() == null || !concluded.isAfter(fact.dueDate());
			cells.add(concluded, department, region, item, Measure.CASES_CONCLUDED, 1);
			cells.add(concluded, department, region, item, Measure.CASES_FULLY_ONLINE, fact.online() && fact.visits() == 0 ? 1 : 0);
			cells.add(concluded, department, region, item, Measure.CASES_IMMEDIATE, concluded.equals(submitted) ? 1 : 0);
			cells.add(concluded, department, region, item, onTime ? Measure.CASES_ON_TIME : Measure.CASES_OVERDUE, 1);
			cells.add(concluded, department, region, item, Measure.PROMISED_DAYS, fact.promisedLimit());
			cells.add(concluded, department, region, item, Measure.STATUTORY_DAYS, fact.statutoryLimit());
			cells.add(concluded, department, region, item, Measure.VISITS, fact.visits());
			cells.add(concluded, department, region, item, Measure.VISITS_DECLARED, fact.declaredVisits());
			cells.add(concluded, department, region, item, Measure.SUPPLEMENT_REPEATED, fact.supplementRounds() > 1 ? 1 : 0);
		}
		return cells;
	}

	/** A ticket, on the day it was closed (nothing while it is not closed): on time or not, rated, satisfied. */
	static Cells of(TicketFact fact) {
		Cells cells = new Cells();
		if (fact.closedAt() != null) {
			LocalDate closed = day(fact.closedAt());
			String department = fact.departmentCode();
			String region = fact.regionCode();
			cells.add(closed, department, region, "", Measure.TICKETS_CLOSED, 1);
			cells.add(closed, department, region, "", Measure.TICKETS_ON_TIME, fact.onTime() ? 1 : 0);
			cells.add(closed, department, region, "", Measure.TICKETS_RATED, fact.satisfaction() == null ? 0 : 1);
			cells.add(closed, department, region, "", Measure.TICKETS_SATISFIED,
					fact.satisfaction() == Satisfaction.SATISFIED || fact.satisfaction() == Satisfaction.BASIC ? 1 : 0);
		}
		return cells;
	}

	/**
	 * A rating in the statistics, on the day it was given, for the item of the case it rated ('' for a counter visit):
	 * good, bad, and a bad one rectified in time.
	 */
	static Cells of(RatingFact fact, String itemCode) {
		Cells cells = new Cells();
		if (fact.counted()) {
			String department = fact.departmentCode();
			String region = fact.regionCode();
			cells.add(fact.day(), department, region, itemCode, Measure.RATINGS, 1);
			cells.add(fact.day(), department, region, itemCode, Measure.RATINGS_GOOD, fact.level().good() ? 1 : 0);
			cells.add(fact.day(), department, region, itemCode, Measure.RATINGS_BAD, fact.level().bad() ? 1 : 0);
			cells.add(fact.day(), department, region, itemCode, Measure.RATINGS_BAD_RECTIFIED, fact.level().bad() && fact.rectifiedInTime() ? 1 : 0);
		}
		return cells;
	}

	/** A department's reads of shared data on one day, in the department's region. */
	static Cells of(ReadCount count, String regionCode) {
		Cells cells = new Cells();
		cells.add(count.day(), count.departmentCode(), regionCode, "", Measure.DATA_READS, count.reads());
		return cells;
	}

	static LocalDate day(Instant at) {
		return at.atZone(Clocks.ZONE).toLocalDate();
	}
}
