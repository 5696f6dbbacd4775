package tongban.insight.trends.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.audit.AuditTrail;
import tongban.hotline.HotlineCatalogue;
import tongban.hotline.TicketId;
import tongban.hotline.Tickets;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.insight.trends.TopicAlerts;
import tongban.insight.trends.TopicAlerts.TopicAlert;
import tongban.insight.trends.TrendScope;
import tongban.insight.trends.WeeklyReports;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * 监测预警 on the workbench: the surge alerts of the last eight weeks in the viewer's region, and one alert with the
 * tickets behind it (what they say masked; the read recorded). An alert outside the viewer's region does not exist for
 * them.
 */
@Controller
class TrendsController {

	/** Weeks of alerts listed. */
	static final int LISTED_WEEKS = 8;
	/** Characters of a ticket's description shown behind an alert. */
	static final int EXCERPT = 80;

	private final TopicAlerts alerts;
	private final TrendScope scope;
	private final HotlineCatalogue catalogue;
	private final Tickets tickets;
	private final AuditTrail audit;
	private final AlertRows rows;

	TrendsController(TopicAlerts alerts, TrendScope scope, HotlineCatalogue catalogue, Tickets tickets, AuditTrail audit, AlertRows rows) {
		this.rows = rows;
		this.alerts = alerts;
		this.scope = scope;
		this.catalogue = catalogue;
		this.tickets = tickets;
		this.audit = audit;
	}

	/** A ticket behind an alert, its description masked and cut short. */
	record TicketRow(String number, String category, String created, String excerpt) {
	}

	@GetMapping("/workbench/trends")
	String index(@CurrentStaff StaffMember staff, Model model) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<AlertRows.AlertRow> listed = alerts.since(scope.regionPrefix(staff), today.minusWeeks(LISTED_WEEKS)).stream().map(rows::row).toList();
		model.addAttribute("alerts", listed);
		model.addAttribute("thisWeek", WeeklyReports.week(today));
		return "insight/trends/index";
	}

	@GetMapping("/workbench/trends/alerts/{id}")
	String alert(@PathVariable String id, @CurrentStaff StaffMember staff, Model model) {
		TopicAlert alert = parse(id).flatMap(alerts::find)
			.filter(found -> found.townshipCode().startsWith(scope.regionPrefix(staff)))
			.orElseThrow(() -> DomainException.notFound("trend-alert"));
		List<TicketRow> behind = new ArrayList<>();
		var names = catalogue.names();
		for (TopicAlerts.AlertTicket ticket : alerts.tickets(alert.id())) {
			String text = tickets.find(new TicketId(ticket.ticketId())).map(found -> found.description()).orElse("");
			behind.add(new TicketRow(ticket.ticketNumber(), names.getOrDefault(ticket.categoryCode(), ticket.categoryCode()),
					ticket.createdAt().atZoneSameInstant(Clocks.ZONE).toLocalDateTime().toString().replace('T', ' ').substring(0, 16), excerpt(text)));
		}
		audit.record(AuditTrail.DATA_READ, staff.name(), "trend-alert:" + alert.id(),
				"12345 tickets behind a surge alert read, descriptions masked: " + behind.size());
		model.addAttribute("row", rows.row(alert));
		model.addAttribute("tickets", behind);
		return "insight/trends/alert";
	}

	/** A description as shown behind an alert: numbers of six digits or more (phones, ID numbers) masked, cut short. */
	static String excerpt(String text) {
		String masked = text.replaceAll("[\\p{Cntrl}\\s]+", " ").replaceAll("\\d{6,}", "******").replaceAll("1\\d{2}[ -]?\\d{4}[ -]?\\d{4}", "******");
		return masked.length() > EXCERPT ? masked.substring(0, EXCERPT) + "…" : masked;
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
