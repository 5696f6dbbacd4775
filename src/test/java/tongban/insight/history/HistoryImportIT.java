package tongban.insight.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.CaseHistory;
import tongban.casework.CaseHistory.HistoricCase;
import tongban.casework.CaseStatus;
import tongban.casework.Verified;
import tongban.casework.domain.CaseRepository;
import tongban.casework.internal.ApplicationForms;
import tongban.exchange.Access;
import tongban.exchange.AccessRecords;
import tongban.exchange.ReadHistory;
import tongban.feedback.RatingHistory;
import tongban.feedback.RatingHistory.HistoricRating;
import tongban.feedback.RatingStatistics;
import tongban.hotline.TicketHistory;
import tongban.hotline.TicketHistory.HistoricTicket;
import tongban.hotline.TicketStatus;
import tongban.hotline.Tickets;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.Masking;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * A small slice of generated history imported through each module's history-import API shows on that module's own
 * pages and statistics like live records: the case in its department's finished cases, the ticket followed by number
 * and phone, the rating in the public /ratings statistics of its month, and the night-time reader's reads on 王小明's
 * 谁查询了我的数据 page with the reader's name masked.
 */
class HistoryImportIT extends IntegrationTest {

	@Autowired
	HistoryDemoData loader;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	CaseHistory cases;

	@Autowired
	TicketHistory tickets;

	@Autowired
	RatingHistory ratings;

	@Autowired
	ReadHistory reads;

	@Autowired
	Tickets ticketQueries;

	@Autowired
	RatingStatistics statistics;

	@Autowired
	DemoData demo;

	@Autowired
	CaseRepository caseRepository;

	@Autowired
	ApplicationForms forms;

	@Autowired
	AccessRecords accessRecords;

	@Test
	void importedHistoryLooksLikeLiveRecordsOnEachModulesPages() throws Exception {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		WorkingCalendar calendar = calendars.current();
		GeneratedHistory history = HistoryGenerator.generate(loader.input(today, 99, 0.004), loader.rules(calendar));
		assertThat(history.cases()).isNotEmpty();
		assertThat(history.tickets()).isNotEmpty();
		assertThat(history.ratings()).isNotEmpty();
		// one more case, its form prefilled from the population register (免提交), as an online application takes a prefill
		HistoricCase sample = history.cases().getFirst();
		UUID prefilledId = UUID.randomUUID();
		HistoricCase prefilled = new HistoricCase(prefilledId, CaseHistory.caseNumber("330106", today.minusDays(400), 1), sample.itemCode(),
				sample.itemVersion(), sample.itemName(), sample.departmentCode(), "330106", sample.applicantAccountId(), sample.applicantName(),
				sample.party(), "ONLINE", sample.submittedAt(), List.of(), sample.acceptedAt(), sample.promisedDate(), sample.concludedAt(),
				sample.outcome(), sample.staffName(), List.of(), Map.of("name", sample.applicantName()), "公安户籍信息");
		cases.importConcluded(Stream.concat(history.cases().stream(), Stream.of(prefilled)).toList());
		assertThat(caseRepository.find(prefilledId).orElseThrow().values()).isEqualTo(Map.of("name", sample.applicantName()));
		Verified verified = caseRepository.provenance(prefilledId).get("name");
		assertThat(verified.source()).isEqualTo("公安户籍信息");
		assertThat(verified.mac()).isEqualTo(forms.verifiedMac(prefilledId, "name", sample.applicantName()));
		tickets.importClosed(history.tickets());
		ratings.importRatings(history.ratings(), calendar);
		reads.importReads(history.reads());

		// the case, among its department's finished cases, found by its number and opened with its history
		HistoricCase concluded = history.cases().stream().filter(c -> c.status() == CaseStatus.CONCLUDED).findFirst().orElseThrow();
		People.Staff head = newStaff(concluded.departmentCode(), Role.DEPT_ADMIN, "历史核对");
		FormSession staff = FormSession.staff(url(""), head);
		String found = staff.get("/workbench/cases?q=" + concluded.caseNumber()).body();
		assertThat(found).contains(concluded.caseNumber()).contains(Masking.name(concluded.applicantName()));
		String opened = staff.get("/workbench/cases/" + concluded.id()).body();
		assertThat(opened).contains(concluded.caseNumber()).contains(concluded.itemName());
		assertThat(jdbc.sql("select count(*) from casework_visit where case_id = ?").param(concluded.id()).query(Long.class).single())
			.isEqualTo(concluded.visits().size());

		// the ticket, followed with its number and phone, closed with what the caller said
		HistoricTicket ticket = history.tickets().getFirst();
		String number = jdbc.sql("select number from hotline_ticket where id = ?").param(ticket.id()).query(String.class).single();
		assertThat(number).startsWith("GD" + ticket.createdAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().toString().replace("-", ""));
		var followed = ticketQueries.follow(number, ticket.phone()).orElseThrow();
		assertThat(followed.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(followed.satisfaction()).isEqualTo(ticket.satisfaction());

		// the ratings of a past month, counted in the public statistics and on /ratings
		YearMonth current = YearMonth.now(Clocks.ZONE);
		HistoricRating rating = history.ratings().stream()
			.filter(r -> YearMonth.from(r.month()).isBefore(current))
			.max(Comparator.comparing(HistoricRating::createdAt))
			.orElseThrow();
		String month = YearMonth.from(rating.month()).toString();
		List<HistoricRating> same = history.ratings().stream()
			.filter(r -> r.departmentCode().equals(rating.departmentCode()) && r.month().equals(rating.month()))
			.toList();
		var figures = statistics.stats(null, rating.departmentCode(), month).total();
		assertThat(figures.ratings()).isEqualTo(same.size());
		assertThat(figures.bad()).isEqualTo(same.stream().filter(r -> r.level().bad()).count());
		// the department's 差评整改 list opens with the historic, closed rectifications among its tasks
		HistoricRating bad = history.ratings().stream().filter(r -> r.level().bad()).findFirst().orElseThrow();
		People.Staff rectifier = newStaff(bad.departmentCode(), Role.DEPT_ADMIN, "整改核对");
		var tasks = FormSession.staff(url(""), rectifier).get("/workbench/ratings");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(tasks.body()).contains(bad.caseNumber());
		String page = new FormSession(url("")).get("/ratings?department=" + rating.departmentCode() + "&month=" + month).body();
		assertThat(page).contains("data-testid=\"stat-ratings\">" + same.size() + "<");

		// 王小明's page shows the night-time reader's reads, the reader masked
		FormSession wang = new FormSession(url(""));
		wang.signIn(HistoryDemoData.WANG_ID, demo.password());
		String access = wang.get("/account/data-access").body();
		assertThat(access).doesNotContain("夏夜读");
		// the page lists the newest 200 reads, and in the whole suite other tests read 王小明 more often than that since
		// the imported (past) reads: the list the page shows, without its cut, has them with the reader masked
		List<Access> wangsList = accessRecords.readsOf(HistoryDemoData.WANG_ID, UUID.randomUUID(), 100_000);
		assertThat(wangsList).extracting(Access::reader).contains(Masking.name("夏夜读")).doesNotContain("夏夜读");
		assertThat(wangsList).extracting(Access::departmentName).anyMatch(name -> name.contains("市场监督管理局"));
		long wangsNightReads = jdbc.sql("""
				select count(*) from exchange_access where subject_index = ? and staff_name = '夏夜读'
				  and extract(hour from at at time zone 'Asia/Shanghai') not between 4 and 21""")
			.param(keys.blindIndex(HistoryDemoData.WANG_ID))
			.query(Long.class)
			.single();
		assertThat(wangsNightReads).isEqualTo(ReadGenerator.WANG_NIGHTS);
		assertThat(seals(history.reads().size())).isTrue();
	}

	/** Every imported read carries its seal, as a live one does. */
	private boolean seals(int imported) {
		return jdbc.sql("select count(*) from exchange_access where seal is not null").query(Long.class).single() >= imported;
	}
}
