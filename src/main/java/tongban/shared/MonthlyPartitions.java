package tongban.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tables partitioned natively by month on their column {@code at} (decision 0050): the largest append-only tables (the
 * audit trail, records of data reads) are split into one partition per month in {@link Clocks#ZONE}, named
 * {@code <table>_pYYYYMM}, with {@code <table>_default} taking rows of a month without one. Months ahead are created by
 * a daily job, so that the default partition stays empty; retention drops a month whole instead of deleting its rows one
 * by one (no dead rows, no vacuum of a year's worth of deletes). The SQL function {@code shared_month_partition} (V249)
 * does the creation, so that the migrations converting tables and this class make partitions the same way.
 */
@Service
public class MonthlyPartitions {

	/** Months created ahead of the current one: a month ahead always exists, even if the daily job fails for weeks. */
	public static final int MONTHS_AHEAD = 3;

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private final JdbcClient jdbc;
	private final Clock clock;

	MonthlyPartitions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The tables partitioned by month: every range-partitioned table with a default partition of the convention's name. */
	public List<String> tables() {
		return jdbc.sql("""
				select c.relname from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
				where p.partstrat = 'r' and c.relnamespace = current_schema()::regnamespace
				  and to_regclass(c.relname || '_default') is not null order by c.relname""")
			.query(String.class)
			.list();
	}

	/** The months that have a partition of their own, oldest first. */
	public List<YearMonth> months(String table) {
		return jdbc.sql("""
				select substring(c.relname from '_p([0-9]{6})$') from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = ?::regclass and c.relname ~ '_p[0-9]{6}$' order by 1""")
			.param(checked(table))
			.query(String.class)
			.list()
			.stream()
			.map(m -> YearMonth.parse(m, SUFFIX))
			.toList();
	}

	/** The partition that holds the rows of {@code month} (its own or, if it has none, the default one). */
	public String partitionOf(String table, YearMonth month) {
		return months(table).contains(month) ? name(table, month) : checked(table) + "_default";
	}

	/** Creates the partitions of this month and the {@link #MONTHS_AHEAD} months after it that are missing. */
	@Transactional
	public List<String> ensureAhead(String table) {
		YearMonth now = YearMonth.now(clock.withZone(Clocks.ZONE));
		return IntStream.rangeClosed(0, MONTHS_AHEAD).mapToObj(now::plusMonths).map(m -> ensure(table, m)).toList();
	}

	/** Creates the partition of one month if it is missing (moving that month's rows out of the default one); its name. */
	@Transactional
	public String ensure(String table, YearMonth month) {
		return jdbc.sql("select shared_month_partition(?, ?)").params(checked(table), month.atDay(1)).query(String.class).single();
	}

	/**
	 * Retention by whole months: every month partition that ends on or before {@code cutoff} is dropped; the rows of it
	 * that match {@code keep} (an SQL condition on the row, aliased {@code x}: e.g. a reported read) are first copied into
	 * a new partition of the same month, which takes the dropped one's place. Rows older than the cutoff in the default
	 * partition are deleted one by one, except those to keep. Answers the number of rows removed.
	 */
	@Transactional
	public long dropBefore(String table, OffsetDateTime cutoff, String keep) {
		String parent = checked(table);
		long removed = 0;
		for (YearMonth month : months(parent)) {
			if (start(month.plusMonths(1)).isAfter(cutoff)) {
				continue;
			}
			String partition = name(parent, month);
			String kept = partition + "_kept";
			long rows = jdbc.sql("select count(*) from " + partition).query(Long.class).single();
			jdbc.sql("create table " + kept + " (like " + parent + " including defaults including constraints)").update();
			long keptRows = jdbc.sql("insert into " + kept + " select * from " + partition + " x where " + keep).update();
			jdbc.sql("alter table " + parent + " detach partition " + partition).update();
			jdbc.sql("drop table " + partition).update();
			if (keptRows == 0) {
				jdbc.sql("drop table " + kept).update();
			}
			else {
				jdbc.sql("alter table " + kept + " rename to " + partition).update();
				jdbc.sql("alter table " + parent + " attach partition " + partition + " for values from ('" + start(month) + "') to ('"
						+ start(month.plusMonths(1)) + "')").update();
			}
			removed += rows - keptRows;
		}
		removed += jdbc.sql("delete from " + parent + "_default x where x.at < ? and not (" + keep + ")").param(cutoff).update();
		return removed;
	}

	private static OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
	}

	private static String name(String table, YearMonth month) {
		return table + "_p" + month.format(SUFFIX);
	}

	/** Table names go into SQL text: only plain lower-case identifiers are accepted (they come from code, never users). */
	private static String checked(String table) {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		return table;
	}
}
