package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.audit.AuditTrail;
import tongban.exchange.internal.AccessRetention;
import tongban.support.IntegrationTest;

/**
 * Tables partitioned by month (decision 0050): rows land in their month's partition, the daily job keeps months ahead
 * (moving rows that fell into the default partition into the month created for them), retention drops a month past the
 * period whole while a reported read of it survives and recent reads stay, and the audit chain verifies after its rows
 * moved between partitions.
 */
class MonthlyPartitionsIT extends IntegrationTest {

	@Autowired
	MonthlyPartitions partitions;

	@Autowired
	AccessRetention retention;

	@Autowired
	AuditTrail audit;

	private long read(String index, String age) {
		return jdbc.sql("insert into exchange_access (at, subject_index, resource_code, consumer_department_code, fields, purpose, case_number, outcome)"
				+ " values (now() - ?::interval, ?, 'XH-GA-RK', 'XH-YB', '{name}', '分区测试', 'P1', 'SERVED') returning id")
			.params(age, index)
			.query(Long.class)
			.single();
	}

	private String partitionOfRead(long id) {
		return jdbc.sql("select tableoid::regclass::text from exchange_access where id = ?").param(id).query(String.class).single();
	}

	@Test
	void theConvertedTablesArePartitionedAndARowLandsInItsMonth() {
		assertThat(partitions.tables()).contains("audit_entry", "exchange_access");
		String index = "partition-" + UUID.randomUUID();
		long id = read(index, "1 second");
		YearMonth now = YearMonth.now(Clocks.ZONE);
		assertThat(partitionOfRead(id)).isEqualTo("exchange_access_p" + now.toString().replace("-", ""));
		audit.record(AuditTrail.PURGE, "test", "partition", "where am I");
		assertThat(jdbc.sql("select tableoid::regclass::text from audit_entry where subject = 'partition' order by id desc limit 1").query(String.class).single())
			.isEqualTo(partitions.partitionOf("audit_entry", now));
		jdbc.sql("delete from exchange_access where subject_index = ?").param(index).update();
	}

	@Test
	void theDailyJobKeepsMonthsAheadAndMovesRowsOutOfTheDefaultPartition() {
		String table = "partition_probe_" + Long.toHexString(System.nanoTime());
		jdbc.sql("create table " + table + " (id bigint not null, at timestamptz not null, primary key (id, at)) partition by range (at)").update();
		jdbc.sql("create table " + table + "_default partition of " + table + " default").update();
		try {
			YearMonth now = YearMonth.now(clock.withZone(Clocks.ZONE));
			// a row of next month written before its partition existed
			jdbc.sql("insert into " + table + " values (1, ?)").param(now.plusMonths(1).atDay(2).atStartOfDay(Clocks.ZONE).toOffsetDateTime()).update();
			assertThat(partitions.partitionOf(table, now.plusMonths(1))).isEqualTo(table + "_default");
			assertThat(partitions.tables()).contains(table);

			partitions.ensureAhead(table);
			assertThat(partitions.months(table)).containsExactly(now, now.plusMonths(1), now.plusMonths(2), now.plusMonths(3));
			assertThat(jdbc.sql("select tableoid::regclass::text from " + table + " where id = 1").query(String.class).single())
				.isEqualTo(partitions.partitionOf(table, now.plusMonths(1)))
				.isNotEqualTo(table + "_default");
			// safe to run twice
			partitions.ensureAhead(table);
			assertThat(partitions.months(table)).hasSize(MonthlyPartitions.MONTHS_AHEAD + 1);
		}
		finally {
			jdbc.sql("drop table " + table).update();
		}
		// the converted tables too: a month ahead always exists
		YearMonth next = YearMonth.now(Clocks.ZONE).plusMonths(1);
		assertThat(partitions.months("exchange_access")).contains(next);
		assertThat(partitions.months("audit_entry")).contains(next);
	}

	@Test
	void retentionDropsAMonthPastThePeriodWholeKeepingReportedReadsAndRecentOnes() {
		String index = "partition-retention-" + UUID.randomUUID();
		YearMonth old = YearMonth.now(Clocks.ZONE).minusYears(4);
		partitions.ensure("exchange_access", old);
		String oldPartition = partitions.partitionOf("exchange_access", old);
		long gone = read(index, "4 years");
		long reported = read(index, "4 years 1 second");
		long recent = read(index, "10 days");
		assertThat(partitionOfRead(gone)).isEqualTo(oldPartition);
		jdbc.sql("insert into exchange_report (id, access_id, reporter_account, region_code, reason, status) values (?, ?, ?, '330106', '测试', 'OPEN')")
			.params(UUID.randomUUID(), reported, UUID.randomUUID())
			.update();
		long oid = jdbc.sql("select ?::regclass::oid::bigint").param(oldPartition).query(Long.class).single();

		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc.sql("select id from exchange_access where subject_index = ? order by id").param(index).query(Long.class).list())
			.containsExactly(reported, recent);
		// the month's partition is a new table holding only what was kept
		assertThat(jdbc.sql("select ?::regclass::oid::bigint").param(oldPartition).query(Long.class).single()).isNotEqualTo(oid);
		assertThat(jdbc.sql("select count(*) from " + oldPartition).query(Long.class).single()).isEqualTo(1);
		assertThat(partitionOfRead(reported)).isEqualTo(oldPartition);
		assertThat(partitions.months("exchange_access")).contains(YearMonth.now(Clocks.ZONE));
		// written by hand, unsealed: removed, so that the audit trail of later tests is whole
		jdbc.sql("delete from exchange_report where access_id = ?").param(reported).update();
		jdbc.sql("delete from exchange_access where subject_index = ?").param(index).update();
	}

	@Test
	void theAuditChainVerifiesAfterItsEntriesMoveBetweenPartitions() {
		YearMonth far = YearMonth.now(Clocks.ZONE).plusYears(10);
		String subject = "partition-move-" + UUID.randomUUID();
		jdbc.sql("insert into audit_entry (at, kind, actor, subject, detail) values (?, 'PURGE', 'test', ?, 'written for a month without a partition')")
			.params(far.atDay(15).atStartOfDay(Clocks.ZONE).toOffsetDateTime(), subject)
			.update();
		assertThat(jdbc.sql("select tableoid::regclass::text from audit_entry where subject = ?").param(subject).query(String.class).single())
			.isEqualTo("audit_entry_default");
		assertThat(audit.verify().intact()).isTrue();

		partitions.ensure("audit_entry", far);

		assertThat(jdbc.sql("select tableoid::regclass::text from audit_entry where subject = ?").param(subject).query(String.class).single())
			.isEqualTo(partitions.partitionOf("audit_entry", far));
		assertThat(jdbc.sql("select position from audit_entry where subject = ?").param(subject).query(Long.class).single()).isNotNull();
		assertThat(audit.verify().intact()).isTrue();
	}
}
