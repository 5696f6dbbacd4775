package tongban.insight.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tongban.casework.CaseHistory.HistoricCase;
import tongban.casework.CaseOutcome;
import tongban.exchange.PrefillOffer;
import tongban.exchange.ReadHistory.HistoricRead;
import tongban.feedback.RatingHistory.HistoricRating;
import tongban.hotline.HotlineSettings;
import tongban.hotline.TicketHistory.HistoricTicket;
import tongban.identity.HistoryParties.Applicant;
import tongban.identity.HistoryParties.Staff;
import tongban.identity.IdentityManagement.RegisteredPerson;
import tongban.identity.Party;
import tongban.shared.Clocks;
import tongban.shared.IdNumber;
import tongban.shared.WorkingCalendar;

/**
 * The generated year on its own, without a database: the same seed gives the same history; every record is consistent
 * with the catalogue, the departments and the owning modules' date rules; the planted anomalies are there in the amounts
 * docs/insight.md states.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryGeneratorTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
	static final OffsetDateTime END = TODAY.atStartOfDay(Clocks.ZONE).toOffsetDateTime();
	static final OffsetDateTime START = TODAY.minusDays(365).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
	static final List<String> TOWNSHIPS = List.of("330106002", "330106004", "330106005", "330106007", "330106008", "330106009", "330106010",
			"330106011", "330106012", "330106013", "330106109", "330106110");

	WorkingCalendar calendar;
	HistoryInput input;
	HistoryRules rules;
	GeneratedHistory history;
	Map<String, HistoryItem> items;
	Staff night;
	Applicant wang;

	@BeforeAll
	void generate() throws IOException {
		calendar = calendar();
		HotlineSettings hotline = new HotlineSettings(null, null, null, null, 0, 0);
		rules = new HistoryRules(calendar, (type, urgency, at) -> HotlineSettings.due(at, hotline.dispatchLimit(type, urgency), calendar),
				(type, urgency, at) -> HotlineSettings.due(at, hotline.answerLimit(type, urgency), calendar), day -> calendar.addWorkingDays(day, 1),
				day -> calendar.addWorkingDays(calendar.addWorkingDays(day, 1), 5));
		input = input(1.0);
		history = HistoryGenerator.generate(input, rules);
		items = input.items().stream().collect(Collectors.toMap(HistoryItem::code, i -> i));
	}

	/** The real 2025–2027 holidays and make-up working days, as the platform loads them. */
	static WorkingCalendar calendar() throws IOException {
		List<WorkingCalendar.Day> days = new ArrayList<>();
		for (int year = 2025; year <= 2027; year++) {
			try (InputStream in = HistoryGeneratorTest.class.getResourceAsStream("/data/calendar/" + year + ".csv")) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					String[] cells = line.strip().split(",");
					if (cells.length >= 2 && cells[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
						days.add(new WorkingCalendar.Day(LocalDate.parse(cells[0]), WorkingCalendar.Kind.valueOf(cells[1]), cells.length > 2 ? cells[2] : ""));
					}
				}
			}
		}
		return new WorkingCalendar(days);
	}

	HistoryInput input(double scale) {
		List<HistoryItem> list = List.of(
				new HistoryItem("330106-XK-0001-01", 1, "食品经营许可（新办）", "XH-SCJG", false, 3, 10, "WORKING_DAY", 0, 4, false, true),
				new HistoryItem("330106-XK-0002-01", 1, "个体工商户设立登记", "XH-SCJG", true, 0, 3, "WORKING_DAY", 0, 4, true, true),
				new HistoryItem("330106-ZJ-0001-01", 2, "建筑工程施工许可", "XH-ZJ", false, 7, 15, "WORKING_DAY", 1, 3, false, true),
				new HistoryItem("330106-ZJ-0002-01", 1, "商品房预售许可", "XH-ZJ", false, 5, 10, "WORKING_DAY", 1, 2, false, true),
				new HistoryItem("330106-ZJ-0003-01", 1, "公共租赁住房资格申请", "XH-ZJ", false, 10, 20, "WORKING_DAY", 1, 3, true, false),
				new HistoryItem("330106-JY-0001-01", 1, "义务教育入学登记", "XH-JY", false, 5, 20, "WORKING_DAY", 0, 4, true, false),
				new HistoryItem("330106-MZ-0001-01", 1, "内地居民婚姻登记", "XH-MZ", true, 0, 1, "WORKING_DAY", 1, 1, true, false),
				new HistoryItem("330106-RS-0001-01", 1, "社会保障卡申领", "XH-RLSB", false, 10, 20, "NATURAL_DAY", 0, 4, true, false),
				new HistoryItem("330106-GH-0001-01", 1, "不动产登记（转移）", "XH-GHZY", false, 5, 30, "WORKING_DAY", 1, 3, true, true));
		List<Applicant> citizens = new ArrayList<>();
		List<RegisteredPerson> population = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String first17 = "3301061980" + String.format("%02d", 1 + i % 12) + String.format("%02d", 1 + i % 28) + String.format("%03d", i);
			String id = first17 + IdNumber.checkCharacter(first17);
			population.add(new RegisteredPerson(id, "居民" + i));
			if (i < 120) {
				UUID account = UUID.nameUUIDFromBytes(("citizen" + i).getBytes());
				citizens.add(new Applicant(account, new Party(Party.Kind.CITIZEN, account, "居民" + i), "居民" + i, id));
			}
		}
		List<Applicant> companies = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			UUID company = UUID.nameUUIDFromBytes(("company" + i).getBytes());
			Applicant rep = citizens.get(i);
			companies.add(new Applicant(rep.accountId(), new Party(Party.Kind.LEGAL_PERSON, company, "公司" + i), rep.applicantName(),
					"91330106MA2H" + String.format("%05d", i) + "X"));
		}
		UUID wangId = UUID.nameUUIDFromBytes("wang".getBytes());
		wang = new Applicant(wangId, new Party(Party.Kind.CITIZEN, wangId, "王小明"), "王小明", HistoryDemoData.WANG_ID);
		night = new Staff(UUID.nameUUIDFromBytes("night".getBytes()), "clerk-night", "夏夜读", "XH-SCJG");
		Map<String, List<Staff>> staff = new HashMap<>();
		for (String department : List.of("XH-SCJG", "XH-ZJ", "XH-JY", "XH-MZ", "XH-RLSB", "XH-GHZY")) {
			staff.put(department, List.of(new Staff(UUID.nameUUIDFromBytes((department + "1").getBytes()), department + "-1", "甲" + department, department),
					new Staff(UUID.nameUUIDFromBytes((department + "2").getBytes()), department + "-2", "乙" + department, department)));
		}
		List<TicketCategory> categories = List.of(new TicketCategory("CS0101", "道路破损", "GENERAL", "XH-ZJ"),
				new TicketCategory("CS0202", "施工噪声", "GENERAL", "XH-ZJ"), new TicketCategory("SC0201", "消费纠纷", "GENERAL", "XH-SCJG"),
				new TicketCategory("GY0201", "燃气泄漏", "EMERGENCY", "XH-ZJ"), new TicketCategory("JY0101", "入学政策", "GENERAL", "XH-JY"));
		return new HistoryInput(TODAY, HistoryDemoData.SEED, scale, list, citizens, companies, wang, staff, night,
				Map.of("XH-SCJG", "330106", "XH-ZJ", "330106", "XH-JY", "330106", "XH-MZ", "330106", "XH-RLSB", "330106", "XH-GHZY", "330106"),
				TOWNSHIPS, Map.of("XH-SCJG", List.of(UUID.nameUUIDFromBytes("w1".getBytes())), "", List.of(UUID.nameUUIDFromBytes("w2".getBytes()))),
				population, categories, Map.of("330106-RS-0001-01", new PrefillOffer("330106-RS-0001-01", "XH-GA-RK", "公安户籍信息", "区公安分局", "人口基础信息",
						"XH-RLSB", Map.of("name", "name", "idNumber", "idNumber"))));
	}

	@Test
	void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
		GeneratedHistory again = HistoryGenerator.generate(input(1.0), rules);
		assertThat(again).isEqualTo(history);
		HistoryInput other = input(1.0);
		GeneratedHistory different = HistoryGenerator.generate(new HistoryInput(TODAY, 7, 1.0, other.items(), other.citizens(), other.companies(),
				other.wang(), other.staff(), other.nightReader(), other.departmentRegions(), other.townships(), other.windows(), other.population(),
				other.categories(), other.prefills()), rules);
		assertThat(different.cases()).isNotEqualTo(history.cases());
	}

	@Test
	void volumesAreThoseOfOneDistrict() {
		assertThat(history.cases()).hasSizeBetween(14_000, 15_000);
		assertThat(history.tickets()).hasSizeBetween(5_400, 6_900);
		assertThat(history.ratings()).hasSizeBetween(7_000, 9_000);
		assertThat(history.reads()).hasSizeBetween(34_000, 46_000);
	}

	@Test
	void everyCaseIsOfAPublishedItemWithItsDepartmentAndDatesByTheRules() {
		Set<String> numbers = history.cases().stream().map(HistoricCase::caseNumber).collect(Collectors.toSet());
		assertThat(numbers).hasSize(history.cases().size());
		for (HistoricCase c : history.cases()) {
			HistoryItem item = items.get(c.itemCode());
			assertThat(item).as(c.itemCode()).isNotNull();
			assertThat(c.departmentCode()).isEqualTo(item.departmentCode());
			assertThat(c.itemName()).isEqualTo(item.name());
			assertThat(c.itemVersion()).isEqualTo(item.version());
			assertThat(c.submittedAt()).isAfterOrEqualTo(START).isBefore(END);
			assertThat(c.concludedAt()).isAfter(c.submittedAt()).isBefore(END);
			assertThat(calendar.isWorkingDay(c.promisedDate())).as("promised %s", c.promisedDate()).isTrue();
			assertThat(c.caseNumber()).startsWith(c.regionCode() + day(c.submittedAt()).toString().replace("-", ""));
			assertThat(TOWNSHIPS.contains(c.regionCode()) || c.regionCode().equals("330106")).isTrue();
			if (c.acceptedAt() != null) {
				assertThat(c.promisedDate()).isEqualTo(rules.promisedDate(item, day(c.acceptedAt())));
				assertThat(c.acceptedAt()).isAfterOrEqualTo(c.submittedAt());
			}
			else {
				assertThat(c.outcome()).isEqualTo(CaseOutcome.REFUSED);
			}
			if ("COUNTER".equals(c.channel())) {
				assertThat(calendar.isWorkingDay(day(c.submittedAt()))).isTrue();
				assertThat(c.visits()).anyMatch(v -> v.kind().equals("INTAKE") && v.at().equals(c.submittedAt()));
			}
			c.visits().forEach(v -> assertThat(v.at()).isBefore(END));
			if (item.forCompanies() && !item.forCitizens()) {
				assertThat(c.party().kind()).isEqualTo(Party.Kind.LEGAL_PERSON);
			}
		}
		assertThat(history.cases()).filteredOn(c -> c.supplementRounds().size() > 1).isNotEmpty();
		assertThat(history.cases().stream().filter(c -> c.applicantAccountId().equals(wang.accountId()))).hasSize(CaseGenerator.WANG_CASES);
	}

	@Test
	void onlineApplicationsOfAnItemWithAPrefillOfferTookTheApplicantsOwnValuesFromTheRegister() {
		Map<UUID, Applicant> people = new HashMap<>();
		input.citizens().forEach(a -> people.put(a.accountId(), a));
		people.put(wang.accountId(), wang);
		List<HistoricCase> prefilled = history.cases().stream().filter(c -> !c.prefilled().isEmpty()).toList();
		assertThat(prefilled).hasSizeGreaterThan(20).allMatch(c -> c.itemCode().equals("330106-RS-0001-01") && c.channel().equals("ONLINE"));
		for (HistoricCase c : prefilled) {
			Applicant applicant = people.get(c.applicantAccountId());
			assertThat(c.prefilled()).isEqualTo(Map.of("name", applicant.applicantName(), "idNumber", applicant.idNumber()));
			assertThat(c.prefillSource()).isEqualTo("公安户籍信息");
			assertThat(history.reads()).anyMatch(r -> r.outcome().equals("PREFILL") && r.caseNumber().equals(c.caseNumber())
					&& r.subjectIdentifier().equals(applicant.idNumber()));
		}
	}

	@Test
	void theLateDepartmentConcludesAQuarterLateTheOthersFew() {
		assertThat(lateShare(c -> c.departmentCode().equals("XH-ZJ"))).isBetween(0.2, 0.3);
		assertThat(lateShare(c -> !c.departmentCode().equals("XH-ZJ"))).isLessThan(0.04);
	}

	private double lateShare(Predicate<HistoricCase> which) {
		List<HistoricCase> decided = history.cases().stream()
			.filter(which)
			.filter(c -> c.acceptedAt() != null && c.outcome() != CaseOutcome.WITHDRAWN && !items.get(c.itemCode()).immediate())
			.toList();
		return decided.stream().filter(c -> day(c.concludedAt()).isAfter(c.promisedDate())).count() / (double) decided.size();
	}

	@Test
	void demandFollowsTheWeekAndTheSeasons() {
		Map<DayOfWeek, Long> byWeekday = history.cases().stream()
			.filter(c -> calendar.isWorkingDay(day(c.submittedAt())))
			.collect(Collectors.groupingBy(c -> day(c.submittedAt()).getDayOfWeek(), Collectors.counting()));
		assertThat(byWeekday.get(DayOfWeek.MONDAY)).isGreaterThan(byWeekday.get(DayOfWeek.FRIDAY) * 5 / 4);
		long dayOff = history.cases().stream().filter(c -> !calendar.isWorkingDay(day(c.submittedAt()))).count();
		assertThat(history.cases()).filteredOn(c -> !calendar.isWorkingDay(day(c.submittedAt()))).allMatch(c -> c.channel().equals("ONLINE"));
		assertThat(dayOff).isPositive().isLessThan(history.cases().size() / 10);
		long july = history.cases().stream().filter(c -> c.departmentCode().equals("XH-JY") && day(c.submittedAt()).getMonthValue() == 7).count();
		long november = history.cases().stream().filter(c -> c.departmentCode().equals("XH-JY") && day(c.submittedAt()).getMonthValue() == 11).count();
		assertThat(july).isGreaterThan(november * 4);
	}

	@Test
	void ticketsAreClosedByTheRulesWithTheNoiseSurgeInJiangcun() {
		for (HistoricTicket t : history.tickets()) {
			assertThat(t.createdAt()).isAfterOrEqualTo(START);
			assertThat(t.closedAt()).isBefore(END).isAfter(t.repliedAt());
			assertThat(t.dispatchDue()).isEqualTo(rules.dispatchDue(t.type(), t.urgency(), t.createdAt()));
			assertThat(t.answerDue()).isEqualTo(rules.answerDue(t.type(), t.urgency(), t.dispatchedAt()));
			assertThat(TOWNSHIPS).contains(t.regionCode());
		}
		Predicate<HistoricTicket> noise = t -> t.categoryCode().equals("CS0202") && t.regionCode().equals("330106011");
		long lastWeek = history.tickets().stream().filter(noise).filter(t -> !day(t.createdAt()).isBefore(TODAY.minusDays(7))).count();
		long before = history.tickets().stream().filter(noise).filter(t -> day(t.createdAt()).isBefore(TODAY.minusDays(7))).count();
		assertThat(lastWeek).isBetween(26L, 34L);
		assertThat(before / (358 / 7.0)).isBetween(2.0, 4.0);
		double late = history.tickets().stream().filter(t -> t.repliedAt().isAfter(t.answerDue())).count() / (double) history.tickets().size();
		assertThat(late).isBetween(0.03, 0.12);
	}

	@Test
	void ratingsAreOfConcludedCasesAndBadOnesWereRectified() {
		Map<UUID, HistoricCase> cases = history.cases().stream().collect(Collectors.toMap(HistoricCase::id, c -> c));
		for (HistoricRating r : history.ratings()) {
			HistoricCase c = cases.get(r.caseId());
			assertThat(c).isNotNull();
			assertThat(c.outcome()).isNotEqualTo(CaseOutcome.WITHDRAWN);
			assertThat(r.departmentCode()).isEqualTo(c.departmentCode());
			assertThat(r.createdAt()).isAfter(c.concludedAt()).isBefore(END);
			assertThat(r.rectification() != null).isEqualTo(r.level().bad());
			if (r.rectification() != null) {
				assertThat(r.rectification().revisitedAt()).isBefore(END).isAfter(r.rectification().rectifiedAt());
			}
		}
		long bad = history.ratings().stream().filter(r -> r.level().bad()).count();
		long lateRectified = history.ratings().stream()
			.filter(r -> r.rectification() != null && day(r.rectification().rectifiedAt()).isAfter(rules.rectifyDue(day(r.createdAt()))))
			.count();
		assertThat(lateRectified).isPositive().isLessThan(bad / 2);
		assertThat(history.ratings()).filteredOn(r -> r.departmentCode().equals("XH-ZJ") && r.level().bad()).isNotEmpty();
	}

	@Test
	void theNightReaderReadsAtNightOnAboutTwentyOfTheLastThirtyDaysAndWangIsAmongThem() {
		List<HistoricRead> nightReads = history.reads().stream().filter(r -> night.id().toString().equals(r.staffId()) && atNight(r.at())).toList();
		Set<LocalDate> nights = nightReads.stream().map(r -> day(r.at().minusHours(6))).collect(Collectors.toSet());
		assertThat(nights).hasSize(ReadGenerator.NIGHTS).allMatch(d -> !d.isBefore(TODAY.minusDays(30)));
		assertThat(nightReads).filteredOn(r -> r.caseNumber().isEmpty()).hasSizeGreaterThan(nightReads.size() / 2);
		assertThat(nightReads).filteredOn(r -> r.subjectIdentifier().equals(HistoryDemoData.WANG_ID)).hasSize(ReadGenerator.WANG_NIGHTS);
		// everybody else reads in office hours on working days, for a case
		List<HistoricRead> others = history.reads().stream().filter(r -> r.staffId() != null && !night.id().toString().equals(r.staffId())).toList();
		assertThat(others).isNotEmpty().allMatch(r -> !atNight(r.at()) && calendar.isWorkingDay(day(r.at())) && !r.caseNumber().isEmpty());
		assertThat(history.reads()).filteredOn(r -> r.subjectIdentifier().equals(HistoryDemoData.WANG_ID) && !atNight(r.at())).isNotEmpty();
	}

	@Test
	void anOrdinaryClerksRevealIsFollowedByAStepOnTheCaseWithinTheHour() {
		// the anomaly rule flags a reveal with no step on its case within an hour: in the demo only the night reader should
		Map<String, HistoricCase> cases = history.cases().stream().collect(Collectors.toMap(HistoricCase::caseNumber, c -> c));
		List<HistoricRead> reveals = history.reads().stream()
			.filter(r -> "REVEALED".equals(r.outcome()) && !night.id().toString().equals(r.staffId()))
			.toList();
		assertThat(reveals).isNotEmpty().allSatisfy(read -> {
			HistoricCase handled = cases.get(read.caseNumber());
			assertThat(Stream.of(handled.acceptedAt(), handled.concludedAt()).filter(Objects::nonNull)
				.anyMatch(step -> step.isAfter(read.at()) && !step.isAfter(read.at().plusHours(1)))).as(read.caseNumber()).isTrue();
		});
	}

	private static boolean atNight(OffsetDateTime at) {
		int hour = at.atZoneSameInstant(Clocks.ZONE).getHour();
		return hour >= 22 || hour < 4;
	}

	private static LocalDate day(OffsetDateTime at) {
		ZonedDateTime local = at.atZoneSameInstant(Clocks.ZONE);
		return local.toLocalDate();
	}
}
