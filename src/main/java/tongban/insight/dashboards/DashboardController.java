package tongban.insight.dashboards;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tongban.casework.CaseRecords;
import tongban.casework.ConcludedCases;
import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.Indicator;
import tongban.insight.IndicatorFilter;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 效能看板 on the workbench: the indicators of what the member of staff may see ({@link DashboardScope}) for a period
 * (a rolling year by default), the monthly trend, and a breakdown to drill into: a city's districts → a district's
 * departments → a department's items (with its worst items) → an item's concluded cases. A region, department or item
 * outside their scope is 404. Tables carry every number; the charts beside them only draw the same numbers.
 */
@Controller
class DashboardController {

	/** The columns of the trend and breakdown tables. */
	static final List<Indicator> HEADLINE = List.of(Indicator.ONLINE_RATE, Indicator.FULLY_ONLINE_RATE, Indicator.ON_TIME_RATE,
			Indicator.OVERDUE_CASES, Indicator.TIME_COMPRESSION, Indicator.VISITS_PER_CASE, Indicator.GOOD_RATE,
			Indicator.HOTLINE_SATISFACTION);

	/** The rates the charts draw: bars by department, district or item; lines by month. */
	static final List<Indicator> BARS = List.of(Indicator.ONLINE_RATE, Indicator.ON_TIME_RATE);
	static final List<Indicator> LINES = List.of(Indicator.ONLINE_RATE, Indicator.ON_TIME_RATE, Indicator.GOOD_RATE);

	/** One step of the drill-down trail: its label and link. */
	record Crumb(String label, String href) {
	}

	private final IndicatorRequests requests;
	private final IndicatorTable table;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;
	private final ConcludedCases concluded;
	private final MessageSource messages;

	DashboardController(IndicatorRequests requests, IndicatorTable table, DirectoryManagement directory, CatalogManagement catalog,
			ConcludedCases concluded, MessageSource messages) {
		this.requests = requests;
		this.table = table;
		this.directory = directory;
		this.catalog = catalog;
		this.concluded = concluded;
		this.messages = messages;
	}

	@GetMapping("/workbench/insight")
	String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String department,
			@RequestParam(required = false) String item, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @CurrentStaff(missing = "page") StaffMember me, Model model, Locale locale) {
		DashboardScope scope = DashboardScope.of(me, Optional.ofNullable(me.departmentCode()).flatMap(directory::departmentByCode));
		Optional<Region> chosenRegion = IndicatorRequests.present(region) ? Optional.of(region(region.strip(), scope)) : Optional.empty();
		String regionCode = chosenRegion.map(Region::code).orElse(scope.region());
		String departmentCode = IndicatorRequests.present(department) ? department(department.strip(), scope, regionCode).code()
				: scope.department();
		Optional<PublishedItem> chosenItem = Optional.empty();
		if (IndicatorRequests.present(item)) {
			if (departmentCode == null) {
				throw DomainException.notFound("page");
			}
			chosenItem = Optional.of(catalog.published(item.strip()).orElseThrow(() -> DomainException.notFound("page")));
		}
		IndicatorRequests.Period period = period(from, to, model, locale);
		String itemCode = chosenItem.map(PublishedItem::code).orElse(null);
		Links links = new Links(regionCode, departmentCode, itemCode, period);
		model.addAttribute("period", period);
		model.addAttribute("trail", trail(scope, regionCode, departmentCode, chosenItem, links));
		model.addAttribute("hidden", links.hidden());
		model.addAttribute("totals",
				table.rows(new IndicatorFilter(null, regionCode, departmentCode, itemCode, period.from(), period.to(), IndicatorFilter.Grouping.TOTAL)));
		Map<String, String> months = new LinkedHashMap<>();
		period.months().forEach(month -> months.put(month, month));
		model.addAttribute("trend", IndicatorMatrix.of(HEADLINE,
				table.rows(new IndicatorFilter(HEADLINE, regionCode, departmentCode, itemCode, period.from(), period.to(), IndicatorFilter.Grouping.MONTH)),
				months));
		if (chosenItem.isPresent()) {
			DepartmentView owner = directory.departmentByCode(departmentCode).orElseThrow();
			CaseRecords.Scope caseScope = new CaseRecords.Scope(me.id(), me.name(), departmentCode,
					regionCode != null ? regionCode : owner.regionCode());
			model.addAttribute("cases", concluded.ofItem(caseScope, itemCode, period.from(), period.to()));
			model.addAttribute("casesLimit", ConcludedCases.LIMIT);
			// the case pages are the department's own (办件查询): linked for its approvers and admins only
			model.addAttribute("caseLinks", departmentCode.equals(me.departmentCode()) && me.hasAny(Role.APPROVER, Role.DEPT_ADMIN));
		}
		else if (departmentCode != null) {
			List<Indicator> itemColumns = new ArrayList<>(HEADLINE);
			WorstItems.INDICATORS.stream().filter(indicator -> !itemColumns.contains(indicator)).forEach(itemColumns::add);
			List<IndicatorRow> byItem = table.rows(new IndicatorFilter(itemColumns, regionCode, departmentCode, null, period.from(),
					period.to(), IndicatorFilter.Grouping.ITEM));
			breakdown(model, "items", IndicatorMatrix.of(HEADLINE, byItem), links::item);
			model.addAttribute("worst", WorstItems.of(byItem));
			model.addAttribute("itemLinks", links.items(byItem));
		}
		else if (regionCode != null && IndicatorFilter.regionPrefix(regionCode).length() < 6) {
			String prefix = IndicatorFilter.regionPrefix(regionCode);
			List<IndicatorRow> byRegion = table.rows(new IndicatorFilter(HEADLINE, regionCode, null, null, period.from(), period.to(),
					IndicatorFilter.Grouping.REGION));
			List<IndicatorRow> byDistrict = IndicatorMatrix.regroup(byRegion, key -> child(prefix, key),
					code -> directory.region(code).map(Region::name).orElse(code));
			breakdown(model, "districts", IndicatorMatrix.of(HEADLINE, byDistrict), links::region);
		}
		else {
			breakdown(model, "departments", IndicatorMatrix.of(HEADLINE, table.rows(new IndicatorFilter(HEADLINE, regionCode, null, null,
					period.from(), period.to(), IndicatorFilter.Grouping.DEPARTMENT))), links::department);
		}
		model.addAttribute("barSeries", BARS);
		model.addAttribute("lineSeries", LINES);
		return "insight/dashboards/dashboard";
	}

	private void breakdown(Model model, String kind, IndicatorMatrix matrix, Function<String, String> link) {
		Map<String, String> hrefs = new LinkedHashMap<>();
		matrix.lines().forEach(line -> hrefs.put(line.key(), line.key().isEmpty() ? null : link.apply(line.key())));
		model.addAttribute("breakdownKind", kind);
		model.addAttribute("breakdown", matrix);
		model.addAttribute("drill", hrefs);
	}

	/** The region a key (a region code in insight_daily) lies in, one level below the prefix (a city's district, a district's township). */
	static String child(String prefix, String key) {
		int length = prefix.length() < 6 ? prefix.length() + 2 : 9;
		if (key == null || !key.startsWith(prefix) || key.length() < length) {
			return null;
		}
		String code = key.substring(0, length);
		return code.length() < 6 ? code + "0".repeat(6 - code.length()) : code;
	}

	private Region region(String code, DashboardScope scope) {
		return directory.region(code).filter(found -> scope.covers(found.code())).orElseThrow(() -> DomainException.notFound("page"));
	}

	private DepartmentView department(String code, DashboardScope scope, String regionCode) {
		return directory.departmentByCode(code)
			.filter(scope::covers)
			.filter(found -> regionCode == null || IndicatorFilter.regionPrefix(found.regionCode()).startsWith(IndicatorFilter.regionPrefix(regionCode))
					|| IndicatorFilter.regionPrefix(regionCode).startsWith(IndicatorFilter.regionPrefix(found.regionCode())))
			.orElseThrow(() -> DomainException.notFound("page"));
	}

	/** The period asked for, or the rolling year up to today with the problem shown beside the field. */
	private IndicatorRequests.Period period(String from, String to, Model model, Locale locale) {
		model.addAttribute("fromInput", from == null ? "" : from);
		model.addAttribute("toInput", to == null ? "" : to);
		if (IndicatorRequests.present(from) || IndicatorRequests.present(to)) {
			try {
				return requests.period(from, to, null);
			}
			catch (IndicatorRefused refused) {
				model.addAttribute("errorField", refused.field());
				model.addAttribute("errorMessage",
						messages.getMessage("insight.dash.error." + refused.code(), new Object[] { refused.value() }, refused.code(), locale));
			}
		}
		LocalDate today = LocalDate.now(Clocks.ZONE);
		IndicatorRequests.Period year = new IndicatorRequests.Period(YearMonth.from(today).minusMonths(11).atDay(1), today);
		if (!model.containsAttribute("errorField")) {
			model.addAttribute("fromInput", year.from().toString());
			model.addAttribute("toInput", year.to().toString());
		}
		return year;
	}

	private List<Crumb> trail(DashboardScope scope, String regionCode, String departmentCode, Optional<PublishedItem> item, Links links) {
		List<Crumb> trail = new ArrayList<>();
		if (scope.department() == null) {
			trail.add(new Crumb(messages.getMessage("insight.dash.everything", null, Locale.SIMPLIFIED_CHINESE), links.top()));
			String start = scope.region() == null ? null : IndicatorFilter.regionPrefix(scope.region());
			if (regionCode != null) {
				// the regions from the staff member's own down to the chosen one
				List<Region> chain = new ArrayList<>();
				for (Optional<Region> at = directory.region(regionCode); at.isPresent();
						at = at.get().parentCode() == null ? Optional.empty() : directory.region(at.get().parentCode())) {
					chain.addFirst(at.get());
					if (start != null && IndicatorFilter.regionPrefix(at.get().code()).equals(start)) {
						break;
					}
				}
				if (start != null && !chain.isEmpty()) {
					trail.set(0, new Crumb(chain.getFirst().name(), links.region(chain.getFirst().code())));
					chain.removeFirst();
				}
				chain.forEach(found -> trail.add(new Crumb(found.name(), links.region(found.code()))));
			}
		}
		if (departmentCode != null) {
			trail.add(new Crumb(directory.departmentNames().getOrDefault(departmentCode, departmentCode), links.department(departmentCode)));
		}
		item.ifPresent(found -> trail.add(new Crumb(found.guide().name(), links.item(found.code()))));
		return trail;
	}

	/** Links within the dashboard that keep the period. */
	record Links(String region, String department, String item, IndicatorRequests.Period period) {

		String top() {
			return build(null, null, null);
		}

		String region(String code) {
			return build(code, null, null);
		}

		String department(String code) {
			return build(region, code, null);
		}

		String item(String code) {
			return build(region, department, code);
		}

		Map<String, String> items(List<IndicatorRow> byItem) {
			Map<String, String> hrefs = new LinkedHashMap<>();
			byItem.forEach(row -> hrefs.put(row.key(), row.key().isEmpty() ? null : item(row.key())));
			return hrefs;
		}

		/** The current region, department and item, for the period form's hidden fields. */
		Map<String, String> hidden() {
			Map<String, String> fields = new LinkedHashMap<>();
			if (region != null) {
				fields.put("region", region);
			}
			if (department != null) {
				fields.put("department", department);
			}
			if (item != null) {
				fields.put("item", item);
			}
			return fields;
		}

		private String build(String regionCode, String departmentCode, String itemCode) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/workbench/insight");
			if (regionCode != null) {
				uri.queryParam("region", regionCode);
			}
			if (departmentCode != null) {
				uri.queryParam("department", departmentCode);
			}
			if (itemCode != null) {
				uri.queryParam("item", itemCode);
			}
			return uri.queryParam("from", period.from()).queryParam("to", period.to()).encode().build().toUriString();
		}
	}
}
