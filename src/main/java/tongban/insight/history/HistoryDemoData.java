package tongban.insight.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import tongban.insight.anomalies.AnomalyScan;
import tongban.insight.indicators.IndicatorBackfill;
import tongban.casework.CaseHistory;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.exchange.ConsentedPrefill;
import tongban.exchange.PrefillOffer;
import tongban.exchange.ReadHistory;
import tongban.feedback.RatingHistory;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.TicketHistory;
import tongban.identity.AccountEnrolment;
import tongban.identity.HistoryParties;
import tongban.identity.HistoryParties.Applicant;
import tongban.identity.HistoryParties.Staff;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.WorkingCalendar;
import tongban.shared.WorkingCalendars;

/**
 * Loads a year of generated history on first start with demo data (unless {@code tongban.demo.history} is false; the
 * tests set it so), after the catalogue, identity, directory, exchange and hotline demo data: the people, then the
 * cases, tickets, ratings and reads through each owning module's history-import API, in one transaction.
 */
@Component
@Order(100)
class HistoryDemoData implements ApplicationRunner {

	static final long SEED = 20_261_206L;
	static final String WANG_ID = "330106199001010018";
	static final int CITIZENS = 400;
	static final int COMPANIES = 60;

	private static final Logger log = LoggerFactory.getLogger(HistoryDemoData.class);

	/** Demo staff who handle cases, by username (IdentityDemoData). */
	private static final List<String> DEMO_HANDLERS = List.of("approver", "approver-wj", "approver-rs", "approver-zj", "clerk");
	private static final String STAFF_NAMES = "蒋文涛,沈佳慧,韦志宏,秦晓东,邹雨嘉,尹思琪,石浩然,龚丽华,钟建平,邵婷婷,汪凯文,孔梓涵,戴明辉,严秀英,毛国强,田欣怡";

	private final DemoData demo;
	private final boolean enabled;
	private final CatalogManagement catalog;
	private final DirectoryManagement directory;
	private final IdentityManagement identity;
	private final HistoryParties parties;
	private final AccountEnrolment enrolment;
	private final HotlineCatalogue hotlineCatalogue;
	private final WorkingCalendars calendars;
	private final CaseHistory caseHistory;
	private final TicketHistory ticketHistory;
	private final RatingHistory ratingHistory;
	private final ReadHistory readHistory;
	private final ConsentedPrefill prefill;
	private final IndicatorBackfill backfill;
	private final AnomalyScan anomalies;
	/** The first and last day imported by this start, if it imported the history. */
	private LocalDate[] imported;

	HistoryDemoData(DemoData demo, @Value("${tongban.demo.history:true}") boolean enabled, CatalogManagement catalog, DirectoryManagement directory,
			IdentityManagement identity, HistoryParties parties, AccountEnrolment enrolment, HotlineCatalogue hotlineCatalogue,
			WorkingCalendars calendars, CaseHistory caseHistory, TicketHistory ticketHistory, RatingHistory ratingHistory, ReadHistory readHistory,
			ConsentedPrefill prefill, IndicatorBackfill backfill, AnomalyScan anomalies) {
		this.demo = demo;
		this.backfill = backfill;
		this.anomalies = anomalies;
		this.enabled = enabled;
		this.catalog = catalog;
		this.directory = directory;
		this.identity = identity;
		this.parties = parties;
		this.enrolment = enrolment;
		this.hotlineCatalogue = hotlineCatalogue;
		this.calendars = calendars;
		this.caseHistory = caseHistory;
		this.ticketHistory = ticketHistory;
		this.ratingHistory = ratingHistory;
		this.readHistory = readHistory;
		this.prefill = prefill;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (enabled) {
			demo.loadOnce("insight-history", this::load);
			if (imported != null) {
				afterImport(imported[0], imported[1]);
			}
		}
	}

	private void load() {
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		WorkingCalendar calendar = calendars.current();
		HistoryInput input = input(today, SEED, 1.0);
		GeneratedHistory history = HistoryGenerator.generate(input, rules(calendar));
		long generated = System.nanoTime();
		caseHistory.importConcluded(history.cases());
		ticketHistory.importClosed(history.tickets());
		ratingHistory.importRatings(history.ratings(), calendar);
		readHistory.importReads(history.reads());
		imported = new LocalDate[] { today.minusDays(365), today.minusDays(1) };
		log.info("demo history: {} cases, {} tickets, {} ratings, {} reads; generated in {} ms, loaded in {} ms", history.cases().size(),
				history.tickets().size(), history.ratings().size(), history.reads().size(), (generated - started) / 1_000_000,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * After the import has committed, the indicators are rebuilt from the records for the history's days (the backfill
	 * reads in transactions of its own, so it must run after the import's transaction, not inside it), and the reads of
	 * the last 30 days are scanned as the nightly scan would have, so that supervisors find the planted night-time reader.
	 */
	void afterImport(LocalDate from, LocalDate to) {
		long started = System.nanoTime();
		backfill.rebuild(from, to);
		for (LocalDate day = to.minusDays(29); !day.isAfter(to); day = day.plusDays(1)) {
			anomalies.scan(day);
		}
		log.info("demo history from {} to {}: indicators rebuilt and the last 30 days of reads scanned in {} ms", from, to, (System.nanoTime() - started) / 1_000_000);
	}

	/** The rules of the owning modules that date the history. */
	HistoryRules rules(WorkingCalendar calendar) {
		return new HistoryRules(calendar, (type, urgency, at) -> ticketHistory.dispatchDue(type, urgency, at, calendar),
				(type, urgency, at) -> ticketHistory.answerDue(type, urgency, at, calendar), day -> ratingHistory.verifyDue(day, calendar),
				day -> ratingHistory.rectifyDue(day, calendar));
	}

	/** What the generator works from: the published items, the people (made here when missing), staff, regions and windows. */
	HistoryInput input(LocalDate today, long seed, double scale) {
		Map<String, String> regions = new HashMap<>();
		Map<UUID, String> codes = new HashMap<>();
		for (DepartmentView d : directory.departments()) {
			regions.put(d.code(), d.regionCode());
			codes.put(d.id(), d.code());
		}
		// only items of departments the directory knows (a catalogue may hold items of a department not yet listed)
		List<HistoryItem> items = items().stream().filter(item -> regions.containsKey(item.departmentCode())).toList();
		String home = directory.homeRegion();
		List<String> townships = directory.children(home).stream().filter(r -> r.level() == Region.Level.TOWNSHIP).map(Region::code).toList();
		Map<String, List<UUID>> windows = new LinkedHashMap<>();
		directory.windows().forEach(w -> windows.computeIfAbsent(w.departmentId() == null ? "" : codes.getOrDefault(w.departmentId(), ""),
				k -> new ArrayList<>()).add(w.id()));
		List<Applicant> citizens = parties.citizens((int) Math.ceil(CITIZENS * Math.min(1, scale * 4)), demo.password(), today);
		List<Applicant> companies = parties.companies(citizens.subList(0, Math.min(citizens.size(), COMPANIES)), COMPANIES);
		Applicant wang = parties.citizen(WANG_ID).orElse(null);
		Staff night = nightReader();
		Map<String, List<Staff>> staff = staff(items, night);
		var population = identity.populationRegister().stream().sorted(Comparator.comparing(IdentityManagement.RegisteredPerson::idNumber)).toList();
		List<TicketCategory> categories = hotlineCatalogue.categories().stream()
			.map(c -> new TicketCategory(c.code(), c.name(), c.urgency(),
					hotlineCatalogue.assignment(c.code(), home).map(HotlineCatalogue.Assignment::lead).orElse("XH-ZWFW")))
			.toList();
		Map<String, PrefillOffer> prefills = new HashMap<>();
		items.forEach(i -> prefill.prefillOffer(i.code(), i.departmentCode()).ifPresent(o -> prefills.put(i.code(), o)));
		return new HistoryInput(today, seed, scale, items, citizens, companies, wang, staff, night, regions, townships, windows, population, categories,
				prefills);
	}

	private List<HistoryItem> items() {
		List<HistoryItem> items = new ArrayList<>();
		for (ItemSummary summary : catalog.browse(ItemFilter.any(), PageRequest.of(0, 1000)).getContent()) {
			Optional<PublishedItem> published = catalog.published(summary.code());
			if (published.isEmpty()) {
				continue;
			}
			ServiceGuide g = published.get().guide();
			boolean citizens = g.servedParty().stream().anyMatch(p -> p.name().equals("CITIZEN"));
			boolean companies = g.servedParty().stream().anyMatch(p -> p.name().equals("LEGAL_PERSON"));
			items.add(new HistoryItem(g.code(), published.get().version(), g.name(), g.department(), g.immediate(), g.promisedLimit(), g.statutoryLimit(),
					g.limitUnit(), g.requiredVisits(), g.onlineDepth(), citizens || !companies, companies));
		}
		items.sort(Comparator.comparing(HistoryItem::code));
		return items;
	}

	/** 夏夜读, a counter clerk of 区市场监管局, opened through the staff API with no published TOTP. */
	private Staff nightReader() {
		return parties.staffByUsername("clerk-night").orElseGet(() -> {
			var enrolled = enrolment.enrolStaff(new AccountEnrolment.NewStaff("clerk-night", "夏夜读", "XH-SCJG", null, EnumSet.of(Role.COUNTER_CLERK)),
					"演示数据");
			return new Staff(enrolled.id(), enrolled.username(), enrolled.name(), "XH-SCJG");
		});
	}

	/** Per department: its demo handlers, two staff of the history's own, and (区市场监管局) the night-time reader by day. */
	private Map<String, List<Staff>> staff(List<HistoryItem> items, Staff night) {
		Map<String, List<Staff>> staff = new LinkedHashMap<>();
		for (String username : DEMO_HANDLERS) {
			parties.staffByUsername(username).ifPresent(s -> staff.computeIfAbsent(s.departmentCode(), k -> new ArrayList<>()).add(s));
		}
		String[] names = STAFF_NAMES.split(",");
		int n = 0;
		for (String department : items.stream().map(HistoryItem::departmentCode).distinct().sorted().toList()) {
			List<Staff> list = staff.computeIfAbsent(department, k -> new ArrayList<>());
			for (int k = 1; k <= 2; k++) {
				String username = "history-" + department.toLowerCase() + "-" + k;
				list.add(parties.staff(username, names[n++ % names.length], department, k == 1 ? Role.COUNTER_CLERK : Role.APPROVER, demo.password()));
			}
		}
		staff.computeIfAbsent(night.departmentCode(), k -> new ArrayList<>()).add(night);
		return staff;
	}
}
